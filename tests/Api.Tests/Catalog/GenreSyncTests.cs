using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Catalog;
using Npgsql;

namespace Marquee.Api.Tests.Catalog;

[Collection(ApiCollection.Name)]
public sealed class GenreSyncTests(ApiFixture fixture)
{
    private readonly CatalogClient _catalog = new(fixture);

    private async Task<JsonElement?> GenreAsync(int id)
    {
        var body = await _catalog.Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/genres?ids={id}");
        return body.GetProperty("data").EnumerateArray().Select(genre => (JsonElement?)genre).SingleOrDefault();
    }

    [Fact]
    public async Task TheSiloSyncedGenresAndMoviesAtStartWithoutBeingAsked()
    {
        var action = await GenreAsync(28);

        Assert.Equal("Action", action?.GetProperty("name").GetString());
        Assert.True(action?.GetProperty("active").GetBoolean());
        await using var dataSource = NpgsqlDataSource.Create(fixture.Silo.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM movies WHERE id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = new[] { 550, 603, 27205, 157336, 694 } });
        Assert.Equal(5L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task RenamedGenresUpdateAndVanishedOnesTurnInactiveThenReturn()
    {
        var renamed = await _catalog.NewGenreAsync("Old name");
        var vanishing = await _catalog.NewGenreAsync("Going away");
        var package = await _catalog.CreatePackageAsync(vanishing);

        fixture.Tmdb.SetGenre(renamed, "New name");
        fixture.Tmdb.RemoveGenre(vanishing);
        var result = await _catalog.SyncAsync();

        Assert.True(result.GenresRenamed >= 1);
        Assert.True(result.GenresDeactivated >= 1);
        Assert.Equal("New name", (await GenreAsync(renamed))?.GetProperty("name").GetString());
        var gone = await GenreAsync(vanishing);
        Assert.False(gone?.GetProperty("active").GetBoolean());
        var stillThere = await _catalog.Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/packages/{package.GetProperty("id").GetGuid()}");
        Assert.Equal([vanishing], stillThere.GetProperty("genreIds").EnumerateArray().Select(genre => genre.GetInt32()));

        // A new package cannot pick a genre that is no longer offered.
        var refused = await _catalog.Manager.PostAsJsonAsync("/api/v1/packages",
            new { name = CatalogClient.UniqueName("Stale"), genreIds = new[] { vanishing }, priceCents = 100 });
        await ProblemAssertions.AssertProblemAsync(refused, HttpStatusCode.BadRequest);

        fixture.Tmdb.SetGenre(vanishing, "Going away");
        await _catalog.SyncAsync();
        Assert.True((await GenreAsync(vanishing))?.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task GenreFiltersFindByNameActivityUseAndIds()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var used = await _catalog.NewGenreAsync($"Filter {tag} used");
        var unused = await _catalog.NewGenreAsync($"Filter {tag} idle");
        await _catalog.CreatePackageAsync(used);

        async Task<int[]> IdsAsync(string query) => (await _catalog.Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/genres?pageSize=100&{query}"))
            .GetProperty("data").EnumerateArray().Select(genre => genre.GetProperty("id").GetInt32()).Order().ToArray();

        var both = new[] { used, unused }.Order().ToArray();
        Assert.Equal(both, await IdsAsync($"name=FILTER%20{tag}"));
        Assert.Equal([used], await IdsAsync($"name={tag}&used=true"));
        Assert.Equal([unused], await IdsAsync($"name={tag}&used=false"));
        Assert.Equal([unused], await IdsAsync($"ids={unused},{used}&used=false&active=true"));
        Assert.Empty(await IdsAsync($"ids={unused}&active=false"));
        Assert.Equal(new[] { 28, 35 }, await IdsAsync("ids=28&ids=35"));
    }

    [Theory]
    [InlineData("/api/v1/genres?ids=x")]
    [InlineData("/api/v1/genres?ids=0")]
    [InlineData("/api/v1/genres?active=maybe")]
    [InlineData("/api/v1/genres?used=2")]
    [InlineData("/api/v1/genres?pageSize=1000")]
    [InlineData("/api/v1/genres?pageNumber=-1")]
    public async Task BadGenreFiltersAre400Problems(string url)
    {
        await ProblemAssertions.AssertProblemAsync(await _catalog.Anonymous.GetAsync(url), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ASyncWhileAnotherHoldsTheClusterWideLockIsSkipped()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.Silo.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({CatalogStore.SyncLockKey})", connection))
        {
            await take.ExecuteNonQueryAsync();
        }

        var whileHeld = await fixture.Grains.GetGrain<ICatalogSyncGrain>(0).SyncNowAsync();

        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({CatalogStore.SyncLockKey})", connection))
        {
            await release.ExecuteNonQueryAsync();
        }
        var afterwards = await fixture.Grains.GetGrain<ICatalogSyncGrain>(0).SyncNowAsync();
        Assert.True(whileHeld.Skipped);
        Assert.False(afterwards.Skipped);
    }

    [Fact]
    public async Task TheSyncReminderIsRegisteredWithTheConfiguredPeriod()
    {
        await fixture.Grains.GetGrain<ICatalogSyncGrain>(0).EnsureScheduledAsync();

        await using var dataSource = NpgsqlDataSource.Create(fixture.Silo.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT period FROM orleans_reminders WHERE service_id = $1 AND reminder_name = 'catalog-sync'");
        command.Parameters.Add(new NpgsqlParameter { Value = fixture.Silo.ClusterId });
        Assert.Equal((long)ApiFixture.CatalogSyncInterval.TotalMilliseconds, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
