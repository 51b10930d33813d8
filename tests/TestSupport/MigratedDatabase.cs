using Marquee.Silo.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Marquee.Testing;

public static class MigratedDatabase
{
    /// <summary>A fresh database with the full schema applied, as a silo would leave it.</summary>
    public static async Task<string> CreateAsync(string purpose)
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync(purpose);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return connectionString;
    }
}
