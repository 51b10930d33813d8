using System.Net;
using System.Text.Json;

namespace Marquee.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class DocumentationAndTelemetryTests(ApiFixture fixture)
{
    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryApiRouteAndTheBearerScheme()
    {
        using var client = fixture.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Contains("/api/v1/admin/cluster", paths);
        Assert.Contains("/api/v1/admin/canaries/{name}/touches", paths);
        Assert.DoesNotContain(paths, path => path.StartsWith("/dashboard", StringComparison.Ordinal));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var cluster = document.GetProperty("paths").GetProperty("/api/v1/admin/cluster").GetProperty("get");
        Assert.True(cluster.GetProperty("responses").TryGetProperty("401", out _));
    }

    [Fact]
    public async Task ScalarServesTheInteractiveReference()
    {
        using var client = fixture.CreateClient();
        var response = await client.GetAsync("/scalar/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheSiloExposesOrleansMetricsForPrometheus()
    {
        using var client = fixture.CreateClient("admin");
        await client.GetAsync("/api/v1/admin/canaries/metrics-probe");
        using var scrape = new HttpClient { BaseAddress = fixture.Silo.HttpBaseAddress };

        var metrics = await scrape.GetStringAsync("/metrics");

        Assert.Contains("orleans_", metrics);
    }

    [Fact]
    public async Task TheApiExposesRequestMetricsForPrometheus()
    {
        using var client = fixture.CreateClient();
        await client.GetAsync("/health/live");

        var metrics = await client.GetStringAsync("/metrics");

        Assert.Contains("http_server_request_duration", metrics);
    }
}
