using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Testing;

namespace Marquee.Api.Tests.Catalog;

[Collection(ApiCollection.Name)]
public sealed class MovieListingTests(ApiFixture fixture)
{
    private readonly CatalogClient _catalog = new(fixture);

    /// <summary>Two private genres: the customer's package unlocks <c>Allowed</c> only.</summary>
    private async Task<(int Allowed, int Other, FakeTmdb.Movie[] Movies, HttpClient Customer)> ArrangeAsync()
    {
        var allowed = await _catalog.NewGenreAsync("Allowed " + Guid.NewGuid().ToString("N")[..6]);
        var other = await _catalog.NewGenreAsync("Other " + Guid.NewGuid().ToString("N")[..6]);
        var movies = new[]
        {
            CatalogClient.Movie(allowed, "Night Train to Santos"),
            CatalogClient.Movie(allowed, "The 100% Matrix_Cut"),
            CatalogClient.Movie(allowed, "Paulista Avenue") with { GenreIds = [allowed, other] },
            CatalogClient.Movie(other, "Forbidden Harbour"),
        };
        foreach (var movie in movies) fixture.Tmdb.AddMovie(movie);
        await _catalog.SyncAsync();

        var package = await _catalog.CreatePackageAsync(allowed);
        var customer = _catalog.NewCustomer();
        await CatalogClient.SubscribeAsync(customer, package.GetProperty("id").GetGuid());
        return (allowed, other, movies, customer);
    }

    [Fact]
    public async Task StaffSearchTheWholeCatalogWhateverTheirPackages()
    {
        var (_, _, movies, customer) = await ArrangeAsync();
        var forbidden = movies.Single(movie => movie.Title == "Forbidden Harbour");
        using var manager = fixture.CreateClient("manager");

        var found = await manager.GetFromJsonAsync<JsonElement>("/api/v1/catalog/movies?title=forbidden%20HARBOUR&pageSize=100");

        Assert.Contains(forbidden.Id, found.GetProperty("data").EnumerateArray().Select(movie => movie.GetProperty("id").GetInt32()));
        Assert.DoesNotContain(forbidden.Id, await CatalogClient.MovieIdsAsync(customer, "&title=Forbidden"));
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/api/v1/catalog/movies")).StatusCode);
    }

    [Fact]
    public async Task TheListingHoldsOnlyMoviesWithAnAllowedGenre()
    {
        var (allowed, _, movies, customer) = await ArrangeAsync();

        var visible = await CatalogClient.MovieIdsAsync(customer, $"&genreIds={allowed}");

        Assert.Equal(movies[..3].Select(movie => movie.Id).Order(), visible.Order());
    }

    [Fact]
    public async Task AFilterOfOnlyForbiddenGenresIsEmptyAndAMixedFilterNeverWidens()
    {
        var (allowed, other, movies, customer) = await ArrangeAsync();

        Assert.Empty(await CatalogClient.MovieIdsAsync(customer, $"&genreIds={other}"));
        var mixed = await CatalogClient.MovieIdsAsync(customer, $"&genreIds={other},{allowed}");
        Assert.Equal(movies[..3].Select(movie => movie.Id).Order(), mixed.Order());
        Assert.DoesNotContain(movies[3].Id, mixed);
    }

    [Fact]
    public async Task TitleFilterMatchesSubstringsCaseInsensitivelyAndTakesWildcardsLiterally()
    {
        var (allowed, _, movies, customer) = await ArrangeAsync();

        Assert.Equal([movies[0].Id], await CatalogClient.MovieIdsAsync(customer, $"&genreIds={allowed}&title=TRAIN"));
        Assert.Equal([movies[1].Id], await CatalogClient.MovieIdsAsync(customer, $"&genreIds={allowed}&title=100%25"));
        Assert.Equal([movies[1].Id], await CatalogClient.MovieIdsAsync(customer, $"&genreIds={allowed}&title=x_C"));
        // As wildcards these would match "Paulista Avenue" and "Night Train"; as text they match nothing.
        Assert.Empty(await CatalogClient.MovieIdsAsync(customer, $"&genreIds={allowed}&title=a_e"));
        Assert.Empty(await CatalogClient.MovieIdsAsync(customer, $"&genreIds={allowed}&title=h%25t"));
    }

    [Fact]
    public async Task AllowedGenresAreTheUnionOverEveryActivePackage()
    {
        var (allowed, other, movies, customer) = await ArrangeAsync();
        Assert.DoesNotContain(movies[3].Id, await CatalogClient.MovieIdsAsync(customer, $"&genreIds={allowed},{other}"));

        await CatalogClient.SubscribeAsync(customer, (await _catalog.CreatePackageAsync(other)).GetProperty("id").GetGuid());

        Assert.Equal(movies.Select(movie => movie.Id).Order(), (await CatalogClient.MovieIdsAsync(customer, $"&genreIds={allowed},{other}")).Order());
    }

    [Fact]
    public async Task PagesCarryTheEnvelope()
    {
        var (allowed, _, _, customer) = await ArrangeAsync();

        var first = await customer.GetFromJsonAsync<JsonElement>($"/api/v1/movies?genreIds={allowed}&pageSize=2");
        var second = await customer.GetFromJsonAsync<JsonElement>($"/api/v1/movies?genreIds={allowed}&pageSize=2&pageNumber=2");

        Assert.Equal(2, first.GetProperty("data").GetArrayLength());
        Assert.Equal(1, second.GetProperty("data").GetArrayLength());
        var pagination = first.GetProperty("pagination");
        Assert.Equal(1, pagination.GetProperty("pageNumber").GetInt32());
        Assert.Equal(2, pagination.GetProperty("pageSize").GetInt32());
        Assert.Equal(2, pagination.GetProperty("totalPages").GetInt32());
        Assert.True(pagination.GetProperty("firstPage").GetBoolean());
        Assert.False(pagination.GetProperty("lastPage").GetBoolean());
        Assert.True(second.GetProperty("pagination").GetProperty("lastPage").GetBoolean());
        var movie = first.GetProperty("data")[0];
        foreach (var field in new[] { "id", "title", "genreIds", "releaseDate", "posterPath" })
        {
            Assert.True(movie.TryGetProperty(field, out _), $"movie lacks {field}");
        }
    }

    [Fact]
    public async Task WithoutSubscriptionsNothingIsListedAndCancellingTakesAccessAway()
    {
        var (allowed, _, _, customer) = await ArrangeAsync();
        var nobody = _catalog.NewCustomer();
        Assert.Empty(await CatalogClient.MovieIdsAsync(nobody));

        var subscriptions = await customer.GetFromJsonAsync<JsonElement>("/api/v1/users/me/subscriptions");
        var packageId = subscriptions.GetProperty("data")[0].GetProperty("package").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await customer.DeleteAsync($"/api/v1/users/me/subscriptions/{packageId}")).StatusCode);

        Assert.Empty(await CatalogClient.MovieIdsAsync(customer, $"&genreIds={allowed}"));
    }

    [Fact]
    public async Task AnonymousCallersCannotListMoviesButCanReadOne()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _catalog.Anonymous.GetAsync("/api/v1/movies")).StatusCode);

        var movie = await _catalog.Anonymous.GetFromJsonAsync<JsonElement>("/api/v1/movies/603");
        Assert.Equal("The Matrix", movie.GetProperty("title").GetString());
        Assert.Equal(136, movie.GetProperty("runtimeMinutes").GetInt32());
    }

    [Fact]
    public async Task AMovieNobodyStoredIsFetchedFromTmdbOnceAndAnUnknownOneIs404()
    {
        var genre = await _catalog.NewGenreAsync("Lookup " + Guid.NewGuid().ToString("N")[..6]);
        var hidden = CatalogClient.Movie(genre, "Only By Id");
        fixture.Tmdb.HiddenFromDiscover[hidden.Id] = true;
        fixture.Tmdb.AddMovie(hidden);

        var first = await _catalog.Anonymous.GetAsync($"/api/v1/movies/{hidden.Id}");
        var second = await _catalog.Anonymous.GetAsync($"/api/v1/movies/{hidden.Id}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, fixture.Tmdb.CountRequests($"/3/movie/{hidden.Id}"));
        await ProblemAssertions.AssertProblemAsync(await _catalog.Anonymous.GetAsync("/api/v1/movies/2147483000"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/movies?genreIds=abc")]
    [InlineData("/api/v1/movies?genreIds=-3")]
    [InlineData("/api/v1/movies?genreIds=,")]
    [InlineData("/api/v1/movies?pageSize=0")]
    [InlineData("/api/v1/movies?pageSize=101")]
    [InlineData("/api/v1/movies?pageNumber=0")]
    [InlineData("/api/v1/movies?pageNumber=x")]
    public async Task BadFiltersAndPagesAre400Problems(string url)
    {
        await ProblemAssertions.AssertProblemAsync(await _catalog.NewCustomer().GetAsync(url), HttpStatusCode.BadRequest);
    }
}
