using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marquee.Api.Tests.Catalog;

[Collection(ApiCollection.Name)]
public sealed class PackagesApiTests(ApiFixture fixture)
{
    private readonly CatalogClient _catalog = new(fixture);

    private Task<HttpResponseMessage> PutAsync(Guid id, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/packages/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _catalog.Manager.SendAsync(request);
    }

    private static object Body(string name, int[] genreIds, long priceCents = 3990) => new { name, genreIds, description = "Updated.", priceCents };

    [Fact]
    public async Task CreatingAnswers201WithVersionOneAsETagAndIgnoresServerOwnedFields()
    {
        var name = CatalogClient.UniqueName("Ação");
        var response = await _catalog.Manager.PostAsJsonAsync("/api/v1/packages", new
        {
            name, genreIds = new[] { 28, 12, 28 }, description = "Explosions.", priceCents = 1990,
            id = Guid.Empty, version = 99, retired = true, createdAt = "2000-01-01T00:00:00Z",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.NotEqual(Guid.Empty, id);
        Assert.Equal($"/api/v1/packages/{id}", response.Headers.Location?.ToString());
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.Equal([12, 28], body.GetProperty("genreIds").EnumerateArray().Select(genre => genre.GetInt32()));
        Assert.Equal(1990, body.GetProperty("priceCents").GetInt64());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.False(body.GetProperty("retired").GetBoolean());
        Assert.True(body.GetProperty("createdAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));

        var read = await _catalog.Anonymous.GetAsync($"/api/v1/packages/{id}");
        Assert.Equal("\"1\"", read.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task NamesAreUniqueIgnoringCase()
    {
        var name = CatalogClient.UniqueName("Unique");
        Assert.Equal(HttpStatusCode.Created, (await _catalog.Manager.PostAsJsonAsync("/api/v1/packages", Body(name, [28]))).StatusCode);

        await ProblemAssertions.AssertProblemAsync(
            await _catalog.Manager.PostAsJsonAsync("/api/v1/packages", Body(name.ToUpperInvariant(), [35])), HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"name":"Bad genres","genreIds":[424242424],"priceCents":100}""", "genreIds")]
    [InlineData("""{"name":"No genres","genreIds":[],"priceCents":100}""", "genreIds")]
    [InlineData("""{"name":"Negative","genreIds":[28],"priceCents":-1}""", "priceCents")]
    [InlineData("""{"name":"No price","genreIds":[28]}""", "priceCents")]
    [InlineData("""{"name":"","genreIds":[28],"priceCents":100}""", "name")]
    [InlineData("""{"name":"Wrong type","genreIds":"28","priceCents":100}""", null)]
    public async Task InvalidPackagesAre400ProblemsNamingTheField(string json, string? field)
    {
        var response = await _catalog.Manager.PostAsync("/api/v1/packages", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").EnumerateObject().Any(error => error.Name.Equals(field, StringComparison.OrdinalIgnoreCase)),
                $"no error for {field}: {problem}");
        }
    }

    [Fact]
    public async Task OnlyManagersWritePackages()
    {
        var body = Body(CatalogClient.UniqueName("Nope"), [28]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _catalog.Anonymous.PostAsJsonAsync("/api/v1/packages", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _catalog.NewCustomer().PostAsJsonAsync("/api/v1/packages", body)).StatusCode);
        var package = await _catalog.CreatePackageAsync(28);
        var id = package.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await _catalog.NewCustomer().DeleteAsync($"/api/v1/packages/{id}")).StatusCode);
    }

    [Fact]
    public async Task ReplacingNeedsIfMatch428AndAStaleOneIs412()
    {
        var package = await _catalog.CreatePackageAsync(28);
        var id = package.GetProperty("id").GetGuid();
        var name = CatalogClient.UniqueName("Renamed");

        await ProblemAssertions.AssertProblemAsync(await PutAsync(id, Body(name, [28, 35]), ifMatch: null), (HttpStatusCode)428);
        await ProblemAssertions.AssertProblemAsync(await PutAsync(id, Body(name, [28, 35]), ifMatch: "*"), (HttpStatusCode)428);
        await ProblemAssertions.AssertProblemAsync(await PutAsync(id, Body(name, [28, 35]), ifMatch: "\"7\""), HttpStatusCode.PreconditionFailed);
        await ProblemAssertions.AssertProblemAsync(await PutAsync(id, Body(name, [28, 35]), ifMatch: "W/\"1\""), HttpStatusCode.PreconditionFailed);

        var replaced = await PutAsync(id, Body(name, [28, 35], 4990), ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("\"2\"", replaced.Headers.ETag?.ToString());
        var body = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.Equal(4990, body.GetProperty("priceCents").GetInt64());
        Assert.True(body.GetProperty("updatedAt").GetDateTimeOffset() >= body.GetProperty("createdAt").GetDateTimeOffset());

        await ProblemAssertions.AssertProblemAsync(await PutAsync(id, Body(name, [28]), ifMatch: "\"1\""), HttpStatusCode.PreconditionFailed);
        await ProblemAssertions.AssertProblemAsync(await PutAsync(Guid.NewGuid(), Body(name, [28]), ifMatch: "\"1\""), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OfManagersReplacingAtOnceFromOneVersionExactlyOneWins()
    {
        var package = await _catalog.CreatePackageAsync(28);
        var id = package.GetProperty("id").GetGuid();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => PutAsync(id, Body(CatalogClient.UniqueName($"Race {i}"), [28], 100 + i), ifMatch: "\"1\""))));

        Assert.Single(attempts, response => response.StatusCode == HttpStatusCode.OK);
        Assert.Equal(11, attempts.Count(response => response.StatusCode == HttpStatusCode.PreconditionFailed));
        var winner = await attempts.Single(response => response.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<JsonElement>();
        var stored = await _catalog.Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/packages/{id}");
        Assert.Equal(2, stored.GetProperty("version").GetInt32());
        Assert.Equal(winner.GetProperty("name").GetString(), stored.GetProperty("name").GetString());
    }

    [Fact]
    public async Task RetiringKeepsSubscribersAndTurnsNewOnesAway()
    {
        var genre = await _catalog.NewGenreAsync("Retiring " + Guid.NewGuid().ToString("N")[..6]);
        var movie = CatalogClient.Movie(genre, "Last Session");
        fixture.Tmdb.AddMovie(movie);
        await _catalog.SyncAsync();
        var package = await _catalog.CreatePackageAsync(genre);
        var id = package.GetProperty("id").GetGuid();
        var subscriber = _catalog.NewCustomer();
        await CatalogClient.SubscribeAsync(subscriber, id);

        var retired = await _catalog.Manager.DeleteAsync($"/api/v1/packages/{id}");
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.True((await retired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("retired").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await _catalog.Manager.DeleteAsync($"/api/v1/packages/{id}")).StatusCode);

        Assert.Contains(movie.Id, await CatalogClient.MovieIdsAsync(subscriber, $"&genreIds={genre}"));
        Assert.Equal(HttpStatusCode.OK, (await subscriber.PostAsJsonAsync("/api/v1/users/me/subscriptions", new { packageId = id })).StatusCode);
        await ProblemAssertions.AssertProblemAsync(
            await _catalog.NewCustomer().PostAsJsonAsync("/api/v1/users/me/subscriptions", new { packageId = id }), HttpStatusCode.Conflict);

        var onSale = await AllPackageIdsAsync("");
        var all = await AllPackageIdsAsync("&includeRetired=true");
        Assert.DoesNotContain(id, onSale);
        Assert.Contains(id, all);
        Assert.Equal(HttpStatusCode.OK, (await _catalog.Anonymous.GetAsync($"/api/v1/packages/{id}")).StatusCode);
    }

    [Fact]
    public async Task RetiringWithAStaleIfMatchIs412()
    {
        var package = await _catalog.CreatePackageAsync(28);
        var id = package.GetProperty("id").GetGuid();
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/packages/{id}");
        request.Headers.TryAddWithoutValidation("If-Match", "\"5\"");

        await ProblemAssertions.AssertProblemAsync(await _catalog.Manager.SendAsync(request), HttpStatusCode.PreconditionFailed);
        Assert.False((await _catalog.Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/packages/{id}")).GetProperty("retired").GetBoolean());
    }

    private async Task<List<Guid>> AllPackageIdsAsync(string query)
    {
        var ids = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var body = await _catalog.Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/packages?pageSize=100&pageNumber={page}{query}");
            ids.AddRange(body.GetProperty("data").EnumerateArray().Select(package => package.GetProperty("id").GetGuid()));
            if (body.GetProperty("pagination").GetProperty("lastPage").GetBoolean()) return ids;
        }
    }
}
