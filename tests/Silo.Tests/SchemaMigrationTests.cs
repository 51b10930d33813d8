using Marquee.Silo.Schema;
using Marquee.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Marquee.Silo.Tests;

public sealed class SchemaMigrationTests
{
    [Fact]
    public async Task MigratingTwiceChangesNothing()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("migrate_twice");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var migrator = new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance);

        var first = await migrator.MigrateAsync(CancellationToken.None);
        var afterFirst = await SchemaSnapshot.TakeAsync(dataSource);
        var second = await migrator.MigrateAsync(CancellationToken.None);
        var afterSecond = await SchemaSnapshot.TakeAsync(dataSource);

        Assert.Equal(Migration.LoadEmbedded().Count, first.Count);
        Assert.Empty(second);
        Assert.Equal(afterFirst, afterSecond);
    }

    [Fact]
    public async Task ReapplyingEveryScriptOverAnExistingSchemaChangesNothing()
    {
        // The scripts themselves are idempotent, so a lost schema_migrations table cannot break a database.
        var connectionString = await MigratedDatabase.CreateAsync("reapply");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var before = await SchemaSnapshot.TakeAsync(dataSource);

        foreach (var migration in Migration.LoadEmbedded())
        {
            await using var command = dataSource.CreateCommand(migration.Sql);
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal(before, await SchemaSnapshot.TakeAsync(dataSource));
    }

    [Fact]
    public async Task ConcurrentSilosMigrateOnceBetweenThem()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("migrate_race");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None)));

        Assert.Equal(Migration.LoadEmbedded().Count, runs.Sum(run => run.Count));
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM schema_migrations");
        Assert.Equal((long)Migration.LoadEmbedded().Count, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AnEditedAppliedMigrationIsRefused()
    {
        var connectionString = await MigratedDatabase.CreateAsync("tampered");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var tamper = dataSource.CreateCommand("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1"))
        {
            await tamper.ExecuteNonQueryAsync();
        }

        var migrator = new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(CancellationToken.None));
        Assert.Contains("changed after it was applied", error.Message);
    }

    [Fact]
    public async Task EveryQueryTheOrleansProvidersReadIsPresent()
    {
        string[] required =
        [
            "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey",
            "UpdateIAmAlivetimeKey", "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey",
            "CleanupDefunctSiloEntriesKey", "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
            "ReadReminderRowKey", "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
            "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
        ];
        var connectionString = await MigratedDatabase.CreateAsync("queries");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT querykey FROM orleansquery");
        var present = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            present.Add(reader.GetString(0));
        }

        Assert.Empty(required.Except(present));
    }
}
