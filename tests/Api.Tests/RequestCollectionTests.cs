using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marquee.Testing;

namespace Marquee.Api.Tests;

/// <summary>
/// The request collection (requests/*.http and the Postman collection) stays true to the API: every
/// request it makes is a route the OpenAPI document describes, and every area of the API is in it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class RequestCollectionTests(ApiFixture fixture)
{
    private static readonly string[] OutsideTheDocument = ["/health/ready", "/health/live", "/metrics"];

    private static string Requests => Path.Combine(RepositoryRoot.Path, "requests");

    [Fact]
    public async Task EveryRequestInTheHttpFilesIsADocumentedRoute()
    {
        var routes = await RoutesAsync();
        var requests = Directory.GetFiles(Requests, "*.http")
            .SelectMany(file => RequestLine().Matches(File.ReadAllText(file)).Select(match => (file: Path.GetFileName(file), method: match.Groups["method"].Value, url: match.Groups["url"].Value)))
            .ToList();

        Assert.True(requests.Count >= 40, $"only {requests.Count} requests in the .http files");
        Assert.All(requests, request => Assert.True(IsDocumented(routes, request.method, request.url), $"{request.file}: {request.method} {request.url} is not a documented route"));
    }

    [Fact]
    public async Task EveryRequestInThePostmanCollectionIsADocumentedRoute()
    {
        var routes = await RoutesAsync();
        using var collection = JsonDocument.Parse(File.ReadAllText(Path.Combine(Requests, "marquee.postman_collection.json")));
        var requests = Leaves(collection.RootElement).Select(item => item.GetProperty("request"))
            .Select(request => (method: request.GetProperty("method").GetString()!, url: request.GetProperty("url").GetString()!)).ToList();

        Assert.NotEmpty(requests);
        Assert.All(requests, request => Assert.True(IsDocumented(routes, request.method, request.url), $"{request.method} {request.url} is not a documented route"));
    }

    [Fact]
    public async Task EveryAreaOfTheApiIsInTheHttpFiles()
    {
        var routes = await RoutesAsync();
        var areas = routes.Select(route => route.Template.Split('/')[3]).ToHashSet();
        var requested = Directory.GetFiles(Requests, "*.http").SelectMany(file => RequestLine().Matches(File.ReadAllText(file)))
            .Select(match => PathOf(match.Groups["url"].Value).Split('/')).Where(segments => segments.Length > 3).Select(segments => segments[3]).ToHashSet();

        Assert.Empty(areas.Except(requested));
    }

    private sealed record Route(string Method, string Template);

    private async Task<List<Route>> RoutesAsync()
    {
        var document = await fixture.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        return document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => new Route(method.Name.ToUpperInvariant(), path.Name)))
            .ToList();
    }

    private static bool IsDocumented(List<Route> routes, string method, string url)
    {
        var path = PathOf(url);
        if (OutsideTheDocument.Contains(path)) return method == "GET";
        var segments = path.Split('/');
        return routes.Any(route => route.Method == method && Matches(route.Template.Split('/'), segments));
    }

    private static bool Matches(string[] template, string[] segments) =>
        template.Length == segments.Length && template.Zip(segments).All(pair =>
            pair.First == pair.Second || (pair.First.StartsWith('{') && pair.Second.Length > 0));

    /// <summary>The path of a request URL: no base address, no query, variables kept as placeholders.</summary>
    private static string PathOf(string url) => BaseUrl().Replace(url, "").Split('?')[0];

    private static IEnumerable<JsonElement> Leaves(JsonElement node) =>
        node.TryGetProperty("item", out var items) ? items.EnumerateArray().SelectMany(Leaves) : [node];

    [GeneratedRegex(@"^(?<method>GET|POST|PUT|PATCH|DELETE) (?<url>\S+)", RegexOptions.Multiline)]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"^\{\{baseUrl\}\}")]
    private static partial Regex BaseUrl();
}
