using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Catalog;
using Marquee.Common;
using Npgsql;

namespace Marquee.Bench;

/// <summary>
/// The entitled movie listing (GET /movies) at 10,000 stored movies and 50 packages, against the same
/// SQL run straight on PostgreSQL with the same concurrency: what the API and the cluster add.
/// </summary>
public sealed class CatalogScenario(ApiSession api, NpgsqlDataSource database, string managerToken)
{
    private const int TargetMovies = 10_000;
    private const int Packages = 50;
    private const int Customers = 16;
    private const int PageSize = 20;

    private static readonly int[] Genres = [28, 12, 16, 35, 80, 99, 18, 10751, 14, 36, 27, 10402, 9648, 10749, 878, 10770, 53, 10752, 37];

    public async Task<string> RunAsync(LoadShape shape)
    {
        await StoreSyntheticMoviesAsync();
        var packageIds = await CreatePackagesAsync();
        var customers = await SubscribeCustomersAsync(packageIds);
        var queries = Enumerable.Range(0, 64).Select(Query).ToArray();

        var clients = customers.Select(customer => api.NewClient(customer.Token)).ToArray();
        async Task ThroughApi(int worker)
        {
            var query = queries[Random.Shared.Next(queries.Length)];
            using var response = await clients[worker % clients.Length].GetAsync(query.Url);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }
        async Task StraightToSql(int worker)
        {
            var query = queries[Random.Shared.Next(queries.Length)];
            await PagedQuery.RunAsync(database, Entitlement.MoviesCountSql, Entitlement.MoviesPageSql,
                Entitlement.MovieParameters(customers[worker % customers.Count].UserId, query.Filter), query.Page, PageSize, reader => CatalogStore.ReadMovie(reader));
        }

        var viaApi = await LoadRunner.MeasureAsync(shape, ThroughApi);
        var viaSql = await LoadRunner.MeasureAsync(shape, StraightToSql);

        return string.Create(CultureInfo.InvariantCulture,
            $"catalog: {viaApi.PerSecond:F0}/s p99 {viaApi.P99Milliseconds:F1} ms (p50 {viaApi.P50Milliseconds:F1} ms, {viaApi.Errors} errors) · " +
            $"sql-baseline: {viaSql.PerSecond:F0}/s p99 {viaSql.P99Milliseconds:F1} ms · ratio {viaApi.PerSecond / viaSql.PerSecond:F2} " +
            $"[{TargetMovies:N0} movies, {Packages} packages, {shape.Workers} clients, {shape.Duration.TotalSeconds:F0} s]");
    }

    /// <summary>Synthetic rows on top of the real catalog, up to 10,000; clearly named so nobody mistakes them for data.</summary>
    private async Task StoreSyntheticMoviesAsync()
    {
        await using var command = database.CreateCommand("""
            INSERT INTO movies (id, title, genre_ids, release_date, popularity, runtime_minutes, fetched_at)
            SELECT 900000000 + n, 'Bench movie ' || n,
                   ARRAY(SELECT g FROM unnest($1::integer[]) AS g ORDER BY md5(g::text || n::text) LIMIT 1 + n % 3),
                   date '1990-01-01' + (n % 12000)::integer, (n * 7919 % 10000) / 100.0, (80 + n % 80)::integer, now()
            FROM generate_series(1, greatest(0, $2 - (SELECT count(*) FROM movies WHERE id < 900000000))) AS n
            ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = Genres });
        command.Parameters.Add(new NpgsqlParameter { Value = TargetMovies });
        await command.ExecuteNonQueryAsync();
        await using var analyze = database.CreateCommand("ANALYZE movies");
        await analyze.ExecuteNonQueryAsync();
    }

    private async Task<List<Guid>> CreatePackagesAsync()
    {
        using var manager = api.NewClient(managerToken);
        var ids = new List<Guid>();
        for (var i = 0; i < Packages; i++)
        {
            var genres = Genres.Where((_, index) => (index * 31 + i * 17) % 19 < 1 + i % 4).ToArray();
            var response = await manager.PostAsJsonAsync("/api/v1/packages",
                new { name = $"Bench package {i} {Guid.NewGuid():N}", genreIds = genres.Length > 0 ? genres : [Genres[i % Genres.Length]], priceCents = 1990 });
            response.EnsureSuccessStatusCode();
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        return ids;
    }

    private async Task<List<(Guid UserId, string Token)>> SubscribeCustomersAsync(List<Guid> packageIds)
    {
        var customers = new List<(Guid, string)>();
        for (var i = 0; i < Customers; i++)
        {
            var customer = await api.CustomerAsync($"bench-viewer-{i}@marquee.bench");
            using var client = api.NewClient(customer.AccessToken);
            foreach (var packageId in packageIds.Skip(i * 3 % packageIds.Count).Take(3))
            {
                (await client.PostAsJsonAsync("/api/v1/users/me/subscriptions", new { packageId })).EnsureSuccessStatusCode();
            }
            customers.Add(customer);
        }
        return customers;
    }

    /// <summary>A spread of what viewers ask: first pages mostly, some by genre, some by title.</summary>
    private static (string Url, MovieFilter Filter, int Page) Query(int seed)
    {
        var page = 1 + seed % 3;
        int[]? genres = seed % 2 == 0 ? [Genres[seed % Genres.Length]] : null;
        var title = seed % 5 == 0 ? $"movie {seed % 9 + 1}" : null;
        var url = $"/api/v1/movies?pageSize={PageSize}&pageNumber={page}" +
                  (genres is null ? "" : $"&genreIds={genres[0]}") + (title is null ? "" : $"&title={Uri.EscapeDataString(title)}");
        return (url, new MovieFilter(genres, title), page);
    }
}
