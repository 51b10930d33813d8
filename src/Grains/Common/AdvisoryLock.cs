using Npgsql;

namespace Marquee.Common;

/// <summary>
/// A PostgreSQL session advisory lock, held on its own connection until disposed. Orleans keeps one
/// activation of a grain only eventually; work that must run once cluster-wide takes one of these too.
/// </summary>
public sealed class AdvisoryLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private AdvisoryLock(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    /// <summary>Waits until the lock is free.</summary>
    public static async Task<AdvisoryLock> AcquireAsync(NpgsqlDataSource dataSource, long key, CancellationToken cancellationToken = default) =>
        (await TakeAsync(dataSource, key, "pg_advisory_lock", cancellationToken))!;

    /// <summary>The lock, or null at once when another session holds it.</summary>
    public static Task<AdvisoryLock?> TryAcquireAsync(NpgsqlDataSource dataSource, long key) =>
        TakeAsync(dataSource, key, "pg_try_advisory_lock", CancellationToken.None);

    private static async Task<AdvisoryLock?> TakeAsync(NpgsqlDataSource dataSource, long key, string function, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand($"SELECT {function}($1)::text", connection);
            command.Parameters.AddValues(key);
            // pg_advisory_lock returns void (""), pg_try_advisory_lock a boolean ("true"/"false").
            if ((string?)await command.ExecuteScalarAsync(cancellationToken) != "false")
            {
                return new AdvisoryLock(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", _connection);
            command.Parameters.AddValues(_key);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            // Closing the session releases the lock even when the unlock above failed.
            await _connection.DisposeAsync();
        }
    }
}
