using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Marquee.Bench;

/// <summary>
/// The conventional design on the same PostgreSQL, driven by pgbench: a seat is a row, claimed with a
/// conditional UPDATE and released with another, each its own autocommit transaction.
/// </summary>
public sealed partial class PgBench(string pgbenchPath, NpgsqlDataSource database, string connectionString)
{
    public async Task<double> ClaimAndReleaseAsync(int clients, TimeSpan duration)
    {
        await using (var setup = database.CreateCommand("""
            DROP TABLE IF EXISTS bench_seats;
            CREATE TABLE bench_seats (seat integer PRIMARY KEY, holder integer);
            INSERT INTO bench_seats (seat) SELECT generate_series(1, 300);
            """))
        {
            await setup.ExecuteNonQueryAsync();
        }
        var script = Path.GetTempFileName();
        await File.WriteAllTextAsync(script, """
            \set seat :client_id + 1
            UPDATE bench_seats SET holder = :client_id WHERE seat = :seat AND holder IS NULL;
            UPDATE bench_seats SET holder = NULL WHERE seat = :seat AND holder = :client_id;
            """);
        try
        {
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            var start = new ProcessStartInfo(pgbenchPath)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList =
                {
                    "-h", target.Host!, "-p", target.Port.ToString(CultureInfo.InvariantCulture), "-U", target.Username!, "-n",
                    "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2",
                    "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-f", script, target.Database!,
                },
            };
            start.Environment["PGPASSWORD"] = target.Password;
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var tps = Tps().Match(output);
            return tps.Success
                ? double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"pgbench printed no tps: {output}{errors}");
        }
        finally
        {
            File.Delete(script);
        }
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
