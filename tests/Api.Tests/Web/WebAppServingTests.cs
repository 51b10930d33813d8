using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marquee.Api.Tests.Web;

/// <summary>The API serving a built web app from Web:Root: files, deep-link fallback, caching and its own CSP.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebAppServingTests : IAsyncLifetime
{
    private const string IndexMarker = "<!-- marquee web app index -->";
    private const string HashedAsset = "main-ABC12345.js";
    private const string PrecompressedAsset = "chunk-PRE12345.js";

    private readonly ApiFixture _fixture;
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"marquee-web-{Guid.NewGuid():N}");
    private WebApplicationFactory<Hosting.EdgeOptions> _factory = null!;

    public WebAppServingTests(ApiFixture fixture) => _fixture = fixture;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "index.html"), $"<!doctype html><html><head>{IndexMarker}</head><body><app-root></app-root><script src=\"{HashedAsset}\"></script></body></html>");
        File.WriteAllText(Path.Combine(_root, HashedAsset), "console.log('marquee');");
        File.WriteAllText(Path.Combine(_root, PrecompressedAsset), "console.log('plain');");
        File.WriteAllText(Path.Combine(_root, PrecompressedAsset + ".br"), "brotli bytes");
        File.WriteAllText(Path.Combine(_root, PrecompressedAsset + ".gz"), "gzip bytes");
        _factory = _fixture.CreateFactory(new Dictionary<string, string?> { ["Web:Root"] = _root });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private static string Csp(HttpResponseMessage response) => string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

    private static string Directive(string csp, string name) =>
        csp.Split(';', StringSplitOptions.TrimEntries).Single(directive => directive.StartsWith(name + " ", StringComparison.Ordinal));

    [Theory]
    [InlineData("/")]
    [InlineData("/sessoes/abc")]
    [InlineData("/index.html")]
    public async Task TheAppAndItsDeepLinksServeIndexUncachedUnderTheAppPolicy(string path)
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(IndexMarker, await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoCache, $"Cache-Control was '{response.Headers.CacheControl}'.");
        Assert.False(response.Headers.CacheControl?.MaxAge > TimeSpan.Zero);
        var csp = Csp(response);
        Assert.Equal("script-src 'self'", Directive(csp, "script-src"));
        Assert.Equal("default-src 'self'", Directive(csp, "default-src"));
        Assert.Contains("'unsafe-inline'", Directive(csp, "style-src"));
        Assert.Equal("frame-ancestors 'none'", Directive(csp, "frame-ancestors"));
        Assert.Equal("object-src 'none'", Directive(csp, "object-src"));
    }

    [Fact]
    public async Task AHeadOfADeepLinkIsTheAppToo()
    {
        using var client = _factory.CreateClient();
        using var head = new HttpRequestMessage(HttpMethod.Head, "/minhas-compras");

        var response = await client.SendAsync(head);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheAppsFilesAreCompressedForBrowsersThatAcceptIt()
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + HashedAsset);
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Theory]
    [InlineData("br, gzip", "br", "brotli bytes")]
    [InlineData("gzip", "gzip", "gzip bytes")]
    [InlineData("br;q=0, gzip", "gzip", "gzip bytes")]
    public async Task ABuildsPrecompressedVariantIsServedWithTheOriginalsTypeAndCaching(string acceptEncoding, string encoding, string body)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + PrecompressedAsset);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Contains("immutable", response.Headers.CacheControl?.Extensions.Select(extension => extension.Name) ?? []);
    }

    [Fact]
    public async Task AClientThatAcceptsNoEncodingGetsTheOriginalFile()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/" + PrecompressedAsset);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal("console.log('plain');", await response.Content.ReadAsStringAsync());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Fact]
    public async Task AHashedAssetIsImmutableForAYear()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/" + HashedAsset);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("console.log('marquee');", await response.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Contains("immutable", response.Headers.CacheControl?.Extensions.Select(extension => extension.Name) ?? []);
        Assert.Equal("script-src 'self'", Directive(Csp(response), "script-src"));
    }

    [Theory]
    [InlineData("/api/v1/nope")]
    [InlineData("/api")]
    [InlineData("/health/nope")]
    [InlineData("/metrics/x")]
    [InlineData("/openapi/nope")]
    [InlineData("/dashboard/x")]
    public async Task ReservedPathsNeverFallBackToTheApp(string path)
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(IndexMarker, await response.Content.ReadAsStringAsync());
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnUnknownApiRouteStaysA404ProblemUnderTheStrictPolicy()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/api/v1/nope");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("default-src 'none'", Directive(Csp(response), "default-src"));
    }

    [Fact]
    public async Task ScalarIsNotTheApp()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/scalar/nope");

        Assert.DoesNotContain(IndexMarker, await response.Content.ReadAsStringAsync());
        // Scalar keeps its own browser-UI policy, not the app's.
        Assert.Contains("'unsafe-inline'", Directive(Csp(response), "script-src"));
    }

    [Fact]
    public async Task JsonRoutesKeepTheStrictPolicy()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/api/v1/auth/providers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("default-src 'none'", Directive(Csp(response), "default-src"));
    }

    [Fact]
    public async Task WithoutABuiltAppTheRootIsA404Problem()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"marquee-web-empty-{Guid.NewGuid():N}");
        Directory.CreateDirectory(empty);
        try
        {
            await using var factory = _fixture.CreateFactory(new Dictionary<string, string?> { ["Web:Root"] = empty });
            using var client = factory.CreateClient();

            var response = await client.GetAsync("/sessoes/abc");

            await response.AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal("default-src 'none'", Directive(Csp(response), "default-src"));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}

/// <summary>GET /api/v1/auth/providers: what sign-in the web app may offer.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuthProvidersTests(ApiFixture fixture)
{
    [Fact]
    public async Task GoogleIsOfferedWithItsClientIdAndAuthorizationEndpointWhenConfigured()
    {
        await using var factory = fixture.CreateFactory(new Dictionary<string, string?> { ["Google:AuthorizationEndpoint"] = $"{fixture.Google.Authority}/authorize" });
        using var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync("/api/v1/auth/providers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var google = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("google");
        Assert.Equal(LocalOidcIssuer.ClientId, google.GetProperty("clientId").GetString());
        Assert.Equal($"{fixture.Google.Authority}/authorize", google.GetProperty("authorizationEndpoint").GetString());
    }

    [Fact]
    public async Task GoogleSignInSendsBrowsersToGooglesOwnAuthorizationEndpointByDefault()
    {
        using var anonymous = fixture.CreateClient();

        var google = (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/auth/providers")).GetProperty("google");

        Assert.Equal("https://accounts.google.com/o/oauth2/v2/auth", google.GetProperty("authorizationEndpoint").GetString());
    }

    [Fact]
    public async Task GoogleIsNullWhenNotConfigured()
    {
        await using var factory = fixture.CreateFactory(new Dictionary<string, string?> { ["Google:ClientId"] = "" });
        using var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync("/api/v1/auth/providers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("google").ValueKind);
    }
}
