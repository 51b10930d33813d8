using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marquee.Cluster.Tests;

public sealed class TwoSiloClusterTests(TwoSiloClusterFixture cluster) : IClassFixture<TwoSiloClusterFixture>
{
    private const int Canaries = 60;

    [Fact]
    public async Task RequestsThroughTheApiReachGrainsOnBothSilosAndAGracefulStopLosesNoState()
    {
        using var client = cluster.CreateAdminClient();
        var names = Enumerable.Range(0, Canaries).Select(i => $"spread-{i}-{Guid.NewGuid():N}").ToList();

        var before = await TouchAllAsync(client, names);
        var silosBefore = before.Values.Select(report => report.Silo).Distinct().ToList();
        Assert.Equal(2, silosBefore.Count);
        Assert.All(before.Values, report => Assert.Equal(1, report.Touches));

        // Readers keep calling through the API while silo A drains; none of them may see an error.
        using var stopping = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(reader => ReadUntilCancelledAsync(client, names, reader, stopping.Token)).ToList();
        await cluster.SiloA.StopGracefullyAsync(TimeSpan.FromSeconds(60));
        await stopping.CancelAsync();
        var failures = (await Task.WhenAll(readers)).SelectMany(failed => failed).ToList();
        Assert.Equal(0, cluster.SiloA.ExitCode);
        Assert.Empty(failures);

        var after = await TouchAllAsync(client, names);
        // Every canary, wherever it lived, kept its first touch and took the second.
        Assert.All(after.Values, report => Assert.Equal(2, report.Touches));
        Assert.Single(after.Values.Select(report => report.Silo).Distinct());
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private static async Task<Dictionary<string, CanaryReport>> TouchAllAsync(HttpClient client, IEnumerable<string> names)
    {
        var reports = new Dictionary<string, CanaryReport>();
        foreach (var chunk in names.Chunk(10))
        {
            var touched = await Task.WhenAll(chunk.Select(async name =>
            {
                var response = await client.PostAsJsonAsync($"/api/v1/admin/canaries/{name}/touches", new { count = 1 });
                Assert.True(response.IsSuccessStatusCode, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return (name, report: (await response.Content.ReadFromJsonAsync<CanaryReport>(JsonOptions))!);
            }));
            foreach (var (name, report) in touched) reports[name] = report;
        }
        return reports;
    }

    private static async Task<List<string>> ReadUntilCancelledAsync(HttpClient client, IReadOnlyList<string> names, int offset, CancellationToken stop)
    {
        var failures = new List<string>();
        for (var i = offset; !stop.IsCancellationRequested; i++)
        {
            var name = names[i % names.Count];
            var response = await client.GetAsync($"/api/v1/admin/canaries/{name}", CancellationToken.None);
            if (!response.IsSuccessStatusCode)
            {
                failures.Add($"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
            }
        }
        return failures;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record CanaryReport(string Name, long Touches, string Silo);
}
