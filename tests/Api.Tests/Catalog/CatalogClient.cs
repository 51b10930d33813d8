using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Catalog;
using Marquee.Testing;

namespace Marquee.Api.Tests.Catalog;

/// <summary>Drives the catalog endpoints as a manager and as customers would, with unique names per test.</summary>
internal sealed class CatalogClient(ApiFixture fixture)
{
    public HttpClient Manager { get; } = fixture.CreateClient("manager");

    public HttpClient Anonymous { get; } = fixture.CreateClient();

    /// <summary>A customer with a token of their own (a fresh user id), subscribed to nothing.</summary>
    public HttpClient NewCustomer() => fixture.CreateClient("customer");

    public static string UniqueName(string tag) => $"{tag} {Guid.NewGuid():N}"[..Math.Min(tag.Length + 33, 100)];

    public async Task<JsonElement> CreatePackageAsync(params int[] genreIds)
    {
        var response = await Manager.PostAsJsonAsync("/api/v1/packages",
            new { name = UniqueName("Package"), genreIds, description = "For tests.", priceCents = 2990 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task SubscribeAsync(HttpClient customer, Guid packageId)
    {
        var response = await customer.PostAsJsonAsync("/api/v1/users/me/subscriptions", new { packageId });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"subscribe answered {response.StatusCode}");
    }

    /// <summary>A genre that exists only for the calling test: added upstream, then synced in.</summary>
    public async Task<int> NewGenreAsync(string name)
    {
        var id = Random.Shared.Next(100_000, 1_000_000_000);
        fixture.Tmdb.SetGenre(id, name);
        await SyncAsync();
        return id;
    }

    public async Task<CatalogSyncResult> SyncAsync()
    {
        var result = await fixture.Grains.GetGrain<ICatalogSyncGrain>(0).SyncNowAsync();
        Assert.False(result.Skipped);
        return result;
    }

    /// <summary>Movie ids of every item on the listing's pages, following pagination.</summary>
    public static async Task<List<int>> MovieIdsAsync(HttpClient customer, string query = "")
    {
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var body = await customer.GetFromJsonAsync<JsonElement>($"/api/v1/movies?pageSize=100&pageNumber={page}{query}");
            ids.AddRange(body.GetProperty("data").EnumerateArray().Select(movie => movie.GetProperty("id").GetInt32()));
            if (body.GetProperty("pagination").GetProperty("lastPage").GetBoolean())
            {
                return ids;
            }
        }
    }

    public static FakeTmdb.Movie Movie(int genreId, string title) =>
        new(Random.Shared.Next(10_000_000, int.MaxValue), title, [genreId], "2026-11-20", 110, 12.5);
}
