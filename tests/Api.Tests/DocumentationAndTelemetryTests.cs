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
    public async Task TheSilosExposeTheBusinessMetricsForPrometheus()
    {
        var scenario = await Orders.OrderScenario.CreateAsync(fixture);
        var (userId, _, customer) = await scenario.CustomerAsync();
        var released = await scenario.HoldAsync(customer, "B3");
        (await customer.DeleteAsync($"/api/v1/showtimes/{scenario.ShowtimeId}/holds/{released}")).EnsureSuccessStatusCode();
        var holdId = await scenario.HoldAsync(customer, "B4");
        var created = await Orders.OrderScenario.ReadAsync(await Orders.OrderScenario.OrderAsync(customer, scenario.KeyFor(userId, approve: true),
            new { showtimeId = scenario.ShowtimeId, holdId, tickets = new[] { new { seat = "B4", type = "full" } } }));
        Assert.Equal("Approved", (await Orders.OrderScenario.FinalAsync(customer, created.GetProperty("id").GetGuid())).GetProperty("status").GetString());
        using var scrape = new HttpClient { BaseAddress = fixture.Silo.HttpBaseAddress };

        var metrics = await scrape.GetStringAsync("/metrics");

        foreach (var series in new[]
        {
            @"marquee_holds_created_total\{[^}]*\} [1-9]", @"marquee_holds_released_total\{[^}]*\} [1-9]",
            @"marquee_orders_finished_total\{[^}]*status=""Approved""[^}]*\} [1-9]",
            @"marquee_payment_duration_seconds_bucket\{[^}]*outcome=""approved""[^}]*le=""0.5""[^}]*\} \d",
            @"marquee_dead_letters_waiting\{[^}]*\} \d",
        })
        {
            Assert.Matches(series, metrics);
        }
    }

    [Fact]
    public async Task TheApiCountsLiveSeatMapViewers()
    {
        var scenario = await Orders.OrderScenario.CreateAsync(fixture);
        using var client = fixture.CreateClient();
        using var stream = await client.GetAsync($"/api/v1/showtimes/{scenario.ShowtimeId}/seats/stream", HttpCompletionOption.ResponseHeadersRead);

        var metrics = await client.GetStringAsync("/metrics");

        Assert.Matches(@"marquee_seatmap_viewers(\{[^}]*\})? [1-9]", metrics);
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
