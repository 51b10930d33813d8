using Marquee.Catalog;
using Marquee.Testing;
using Npgsql;

namespace Marquee.Silo.Tests;

/// <summary>The silo of this collection runs with no TMDB token, as <c>./run.sh</c> does on a machine without one.</summary>
[Collection(SiloCollection.Name)]
public sealed class CatalogStartupTests(SiloFixture fixture)
{
    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.Silo.ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task WithoutATmdbTokenTheFirstStartLoadsTheBundledCatalog()
    {
        Assert.Equal("offline", await ScalarAsync<string>("SELECT source FROM catalog_sync"));
        Assert.Equal(19L, await ScalarAsync<long>("SELECT count(*) FROM genres WHERE active"));
        Assert.Equal("Science Fiction", await ScalarAsync<string>("SELECT name FROM genres WHERE id = 878"));
        Assert.True(OfflineMovieSource.MovieCount >= 200);
        Assert.Equal(OfflineMovieSource.MovieCount, (int)await ScalarAsync<long>("SELECT count(*) FROM movies"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM movies WHERE runtime_minutes IS NULL"));
    }

    [Fact]
    public async Task ALaterStartDoesNotSyncAgainButKeepsTheReminder()
    {
        var syncedAt = await ScalarAsync<DateTime>("SELECT synced_at FROM catalog_sync");

        await using (await InProcessSilo.StartAsync(fixture.Silo.ConnectionString, clusterId: fixture.Silo.ClusterId))
        {
        }

        Assert.Equal(syncedAt, await ScalarAsync<DateTime>("SELECT synced_at FROM catalog_sync"));
        Assert.Equal(1L, await ScalarAsync<long>($"SELECT count(*) FROM orleans_reminders WHERE service_id = '{fixture.Silo.ClusterId}' AND reminder_name = 'catalog-sync'"));
    }
}
