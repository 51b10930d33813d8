using System.Diagnostics;
using Npgsql;

namespace Marquee.Testing;

/// <summary>
/// The throwaway PostgreSQL server the tests share. ./test.sh starts one on a free port and passes
/// its admin connection string in MARQUEE_TEST_PG; a bare `dotnet test` starts its own through the
/// same script and stops it when the test process exits.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> AdminConnection = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string AdminConnectionString => AdminConnection.Value;

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var full = $"t_{purpose}_{Guid.NewGuid():N}".ToLowerInvariant();
        var name = full[..Math.Min(full.Length, 60)];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, MaxPoolSize = 50 }.ConnectionString;
    }

    private static string Start()
    {
        var supplied = Environment.GetEnvironmentVariable("MARQUEE_TEST_PG");
        if (!string.IsNullOrWhiteSpace(supplied))
        {
            return supplied;
        }

        var port = FreePort.Next();
        var dataDir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"marquee-test-pg-{Environment.ProcessId}");
        RunScript($"pg_start '{dataDir}' {port} marquee marquee");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RunScript($"pg_stop '{dataDir}'; rm -rf '{dataDir}' '{dataDir}.initdb.log'");
        return $"Host=127.0.0.1;Port={port};Username=marquee;Password=marquee;Database=postgres";
    }

    private static void RunScript(string command)
    {
        var script = System.IO.Path.Combine(RepositoryRoot.Path, "scripts", "postgres.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", $"source '{script}' && {command}"])
        {
            RedirectStandardError = true,
        })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"PostgreSQL helper failed ({command}): {errors}");
        }
    }
}
