using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marquee.Api.Tests.Catalog;

[Collection(ApiCollection.Name)]
public sealed class LibraryApiTests(ApiFixture fixture)
{
    private readonly CatalogClient _catalog = new(fixture);

    [Fact]
    public async Task SubscribingIsIdempotentAndCancellingTwiceIsFine()
    {
        var package = await _catalog.CreatePackageAsync(28);
        var id = package.GetProperty("id").GetGuid();
        var customer = _catalog.NewCustomer();

        var first = await customer.PostAsJsonAsync("/api/v1/users/me/subscriptions", new { packageId = id });
        var again = await customer.PostAsJsonAsync("/api/v1/users/me/subscriptions", new { packageId = id });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var firstAt = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscribedAt").GetDateTimeOffset();
        Assert.Equal(firstAt, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscribedAt").GetDateTimeOffset());
        var list = await customer.GetFromJsonAsync<JsonElement>("/api/v1/users/me/subscriptions");
        Assert.Equal(id, Assert.Single(list.GetProperty("data").EnumerateArray()).GetProperty("package").GetProperty("id").GetGuid());

        Assert.Equal(HttpStatusCode.NoContent, (await customer.DeleteAsync($"/api/v1/users/me/subscriptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await customer.DeleteAsync($"/api/v1/users/me/subscriptions/{id}")).StatusCode);
        Assert.Equal(0, (await customer.GetFromJsonAsync<JsonElement>("/api/v1/users/me/subscriptions")).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task SubscribingToNothingOrToAnUnknownPackageIsRefused()
    {
        var customer = _catalog.NewCustomer();
        await ProblemAssertions.AssertProblemAsync(await customer.PostAsJsonAsync("/api/v1/users/me/subscriptions", new { }), HttpStatusCode.BadRequest);
        await ProblemAssertions.AssertProblemAsync(
            await customer.PostAsJsonAsync("/api/v1/users/me/subscriptions", new { packageId = Guid.NewGuid() }), HttpStatusCode.NotFound);
        await ProblemAssertions.AssertProblemAsync(await customer.DeleteAsync($"/api/v1/users/me/subscriptions/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _catalog.Anonymous.GetAsync("/api/v1/users/me/subscriptions")).StatusCode);
    }

    [Fact]
    public async Task MarkingIsIdempotentAndUnmarkingRemoves()
    {
        var customer = _catalog.NewCustomer();
        await CatalogClient.SubscribeAsync(customer, (await _catalog.CreatePackageAsync(878)).GetProperty("id").GetGuid());

        var first = await customer.PutAsync("/api/v1/users/me/watched/603", null);
        var again = await customer.PutAsync("/api/v1/users/me/watched/603", null);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The Matrix", firstBody.GetProperty("movie").GetProperty("title").GetString());
        Assert.Equal(firstBody.GetProperty("watchedAt").GetDateTimeOffset(),
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("watchedAt").GetDateTimeOffset());
        var watched = await customer.GetFromJsonAsync<JsonElement>("/api/v1/users/me/watched");
        Assert.Equal(603, Assert.Single(watched.GetProperty("data").EnumerateArray()).GetProperty("movie").GetProperty("id").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await customer.DeleteAsync("/api/v1/users/me/watched/603")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await customer.DeleteAsync("/api/v1/users/me/watched/603")).StatusCode);
        Assert.Equal(0, (await customer.GetFromJsonAsync<JsonElement>("/api/v1/users/me/watched")).GetProperty("pagination").GetProperty("totalPages").GetInt32());
    }

    [Fact]
    public async Task MarkingAMovieOutsideThePackagesIs403AndStoresNothing()
    {
        var customer = _catalog.NewCustomer();
        await CatalogClient.SubscribeAsync(customer, (await _catalog.CreatePackageAsync(878)).GetProperty("id").GetGuid());

        await ProblemAssertions.AssertProblemAsync(await customer.PutAsync("/api/v1/users/me/watched/550", null), HttpStatusCode.Forbidden);

        Assert.Equal(0, (await customer.GetFromJsonAsync<JsonElement>("/api/v1/users/me/watched")).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task MarkingAMovieNeverStoredFetchesItFromTmdbFirst()
    {
        var genre = await _catalog.NewGenreAsync("Fetch " + Guid.NewGuid().ToString("N")[..6]);
        var hidden = CatalogClient.Movie(genre, "Known Only Upstream");
        fixture.Tmdb.HiddenFromDiscover[hidden.Id] = true;
        fixture.Tmdb.AddMovie(hidden);
        await _catalog.SyncAsync();
        var customer = _catalog.NewCustomer();
        await CatalogClient.SubscribeAsync(customer, (await _catalog.CreatePackageAsync(genre)).GetProperty("id").GetGuid());
        Assert.Empty(await CatalogClient.MovieIdsAsync(customer));

        Assert.Equal(HttpStatusCode.Created, (await customer.PutAsync($"/api/v1/users/me/watched/{hidden.Id}", null)).StatusCode);

        Assert.Equal([hidden.Id], await CatalogClient.MovieIdsAsync(customer));
        await ProblemAssertions.AssertProblemAsync(await customer.PutAsync("/api/v1/users/me/watched/2147483001", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheReportHasSpecBsExactShapeAndTiesGoToTheThemeWatchedMostRecently()
    {
        var identity = new IdentityClient(fixture);
        var (userId, email) = await identity.RegisterAsync();
        var customer = await identity.SignedInAsync(email);
        await CatalogClient.SubscribeAsync(customer, (await _catalog.CreatePackageAsync(28, 18)).GetProperty("id").GetGuid());

        var empty = await customer.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}/watch-report");
        Assert.Equal(["userId", "totalFilmsWatched", "mostWatchedTheme", "lastFilmWatched"], empty.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, empty.GetProperty("totalFilmsWatched").GetInt32());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("mostWatchedTheme").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("lastFilmWatched").ValueKind);

        await customer.PutAsync("/api/v1/users/me/watched/603", null);   // The Matrix: Action, Science Fiction
        await customer.PutAsync("/api/v1/users/me/watched/550", null);   // Fight Club: Drama
        var tie = await customer.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}/watch-report");
        Assert.Equal(18, tie.GetProperty("mostWatchedTheme").GetProperty("themeId").GetInt32());

        await customer.PutAsync("/api/v1/users/me/watched/27205", null); // Inception: Action, Science Fiction, Adventure
        var report = await customer.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}/watch-report");
        Assert.Equal(userId, report.GetProperty("userId").GetGuid());
        Assert.Equal(3, report.GetProperty("totalFilmsWatched").GetInt32());
        var theme = report.GetProperty("mostWatchedTheme");
        Assert.Equal(["themeId", "themeName", "totalFilmsWatched"], theme.EnumerateObject().Select(p => p.Name));
        Assert.Equal(28, theme.GetProperty("themeId").GetInt32());
        Assert.Equal("Action", theme.GetProperty("themeName").GetString());
        Assert.Equal(2, theme.GetProperty("totalFilmsWatched").GetInt32());
        var last = report.GetProperty("lastFilmWatched");
        Assert.Equal(["movieId", "movieName"], last.EnumerateObject().Select(p => p.Name));
        Assert.Equal(27205, last.GetProperty("movieId").GetInt32());
        Assert.Equal("Inception", last.GetProperty("movieName").GetString());

        await customer.DeleteAsync("/api/v1/users/me/watched/27205");
        var after = await customer.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}/watch-report");
        Assert.Equal(18, after.GetProperty("mostWatchedTheme").GetProperty("themeId").GetInt32());
        Assert.Equal(550, after.GetProperty("lastFilmWatched").GetProperty("movieId").GetInt32());
    }

    [Fact]
    public async Task ReportsAreForTheirOwnerAndAdminsWhoAlsoListEveryone()
    {
        var identity = new IdentityClient(fixture);
        var (userId, email) = await identity.RegisterAsync();
        var owner = await identity.SignedInAsync(email);
        var stranger = _catalog.NewCustomer();
        var admin = fixture.CreateClient("admin");

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/users/{userId}/watch-report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/users/{userId}/watch-report")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/users/{userId}/watch-report")).StatusCode);
        await ProblemAssertions.AssertProblemAsync(await admin.GetAsync($"/api/v1/users/{Guid.NewGuid()}/watch-report"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/api/v1/reports/watch")).StatusCode);

        var found = false;
        for (var page = 1; !found; page++)
        {
            var body = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/reports/watch?pageSize=100&pageNumber={page}");
            found = body.GetProperty("data").EnumerateArray().Any(report => report.GetProperty("userId").GetGuid() == userId);
            if (body.GetProperty("pagination").GetProperty("lastPage").GetBoolean()) break;
        }
        Assert.True(found);
        await ProblemAssertions.AssertProblemAsync(await admin.GetAsync("/api/v1/reports/watch?pageSize=500"), HttpStatusCode.BadRequest);
    }
}
