using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Marquee.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class EdgeTests(ApiFixture fixture)
{
    private const string TouchRoute = "/api/v1/admin/canaries/edge/touches";

    [Fact]
    public async Task LivenessAnswersWithoutCheckingDependencies()
    {
        using var client = fixture.CreateClient();
        var response = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ReadinessReportsPostgresAndTheClusterHealthy()
    {
        using var client = fixture.CreateClient();
        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("postgresql").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("cluster").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnUnknownRouteIsA404Problem()
    {
        using var client = fixture.CreateClient();
        var body = await (await client.GetAsync("/api/v1/no-such-thing")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("/api/v1/no-such-thing", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AWrongMethodIsA405Problem()
    {
        using var client = fixture.CreateClient("admin");
        await (await client.DeleteAsync("/api/v1/admin/cluster")).AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task MalformedJsonIsA400ProblemAndChangesNothing()
    {
        using var client = fixture.CreateClient("admin");
        var before = await ReadTouchesAsync(client, "edge");

        var response = await client.PostAsync(TouchRoute, new StringContent("{\"count\": 1,", Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await ReadTouchesAsync(client, "edge"));
    }

    [Fact]
    public async Task AWrongJsonTypeIsA400Problem()
    {
        using var client = fixture.CreateClient("admin");
        var response = await client.PostAsync(TouchRoute, new StringContent("{\"count\": \"many\"}", Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnOutOfRangeFieldIsA400ProblemNamingTheField()
    {
        using var client = fixture.CreateClient("admin");
        var response = await client.PostAsJsonAsync(TouchRoute, new { count = 0 });

        var body = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = body.GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), field => field.Name.Equals("count", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ABodyOverTheLimitIsA413Problem()
    {
        using var client = fixture.CreateClient("admin");
        var huge = "{\"count\": 1, \"pad\": \"" + new string('x', 300 * 1024) + "\"}";
        var response = await client.PostAsync(TouchRoute, new StringContent(huge, Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ANonJsonContentTypeIsA415Problem()
    {
        using var client = fixture.CreateClient("admin");
        var response = await client.PostAsync(TouchRoute, new StringContent("count=1", Encoding.UTF8, "text/plain"));
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task ResponsesCarrySecurityHeadersAndNoServerBanner()
    {
        using var client = fixture.CreateClient();
        var response = await client.GetAsync("/health/live");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task ASuppliedCorrelationIdIsEchoedAndAnUnsafeOneReplaced()
    {
        using var client = fixture.CreateClient();
        using var safe = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Correlation-Id", "order-42" } } };
        using var unsafeRequest = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Correlation-Id", "bad id\"{" } } };

        var echoed = (await client.SendAsync(safe)).Headers.GetValues("X-Correlation-Id").Single();
        var replaced = (await client.SendAsync(unsafeRequest)).Headers.GetValues("X-Correlation-Id").Single();

        Assert.Equal("order-42", echoed);
        Assert.NotEqual("bad id\"{", replaced);
        Assert.Equal(32, replaced.Length);
    }

    [Fact]
    public async Task CorsAllowsOnlyTheConfiguredOrigins()
    {
        using var client = fixture.CreateClient();
        async Task<HttpResponseMessage> PreflightAsync(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/admin/cluster");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "GET");
            return await client.SendAsync(request);
        }

        var allowed = await PreflightAsync(ApiFixture.AllowedOrigin);
        var foreign = await PreflightAsync("https://evil.example");

        Assert.Equal(ApiFixture.AllowedOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(foreign.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task TooManyRequestsFromOneClientAre429WithRetryAfter()
    {
        await using var limited = fixture.CreateFactory(new Dictionary<string, string?>
        {
            ["Edge:RequestsPerWindow"] = "3",
            ["Edge:RateLimitWindow"] = "00:01:00",
        });
        using var client = limited.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.GetAsync("/api/v1/admin/cluster");
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(3), status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        await last.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(last.Headers.GetValues("Retry-After").Single()) >= 1);
        // Probes are never throttled, or a busy pod would be restarted by its own clients.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    private static async Task<long> ReadTouchesAsync(HttpClient client, string name)
    {
        var canary = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/canaries/{name}");
        return canary.GetProperty("touches").GetInt64();
    }
}
