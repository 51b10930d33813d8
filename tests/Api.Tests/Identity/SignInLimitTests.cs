using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Marquee.Api.Tests.Identity;

[Collection(ApiCollection.Name)]
public sealed class SignInLimitTests(ApiFixture fixture)
{
    [Fact]
    public async Task OneAddressHammeringTheAuthEndpointsGets429WithRetryAfter()
    {
        await using var limited = fixture.CreateFactory(new Dictionary<string, string?> { ["Edge:AuthRequestsPerWindow"] = "2" });
        using var client = limited.CreateClient();

        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = IdentityClient.NewEmail(), password = "Whatever-Pass-1" });
        }

        await last.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(last.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task AnUnknownEmailCostsAboutAsMuchTimeAsAWrongPassword()
    {
        // Not a benchmark: a coarse guard that unknown emails still pay for a full hash. Without the
        // decoy they answer in a few milliseconds against a hash's hundred or more.
        var identity = new IdentityClient(fixture);
        var (_, email) = await identity.RegisterAsync();
        await identity.LoginAsync(IdentityClient.NewEmail("warmup"), "Whatever-Pass-1");

        var unknown = new List<double>();
        var wrong = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            unknown.Add(await TimeAsync(() => identity.LoginAsync(IdentityClient.NewEmail("timing"), "Whatever-Pass-1")));
            wrong.Add(await TimeAsync(() => identity.LoginAsync(email, $"Wrong-Password-{i}")));
        }

        Assert.True(Median(unknown) > Median(wrong) * 0.4, $"unknown {Median(unknown):F0} ms vs wrong password {Median(wrong):F0} ms");
    }

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> call)
    {
        var watch = Stopwatch.StartNew();
        var response = await call();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
