using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Cinema;

namespace Marquee.Cluster.Tests;

public sealed class LiveSeatMapTests(TwoSiloClusterFixture cluster) : IClassFixture<TwoSiloClusterFixture>
{
    [Fact]
    public async Task AHoldThroughOneApiInstanceReachesAViewerOnTheOtherWithinASecond()
    {
        var showtime = Guid.NewGuid();
        var rows = new[] { "A", "B", "C" };
        await cluster.Client.GetGrain<IShowtimeSeatsGrain>(showtime).ConfigureAsync(
            new SeatMapSetup(rows, rows.SelectMany(row => Enumerable.Range(1, 8).Select(n => new SeatDefinition(row, n, n, SeatKind.Standard))).ToList()));

        using var viewer = new HttpClient { BaseAddress = cluster.SecondApi.HttpAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/showtimes/{showtime}/seats/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await viewer.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.Equal("snapshot", (await NextEventAsync(reader, patience.Token)).Event);

        using var buyer = cluster.CreateAdminClient(cluster.Api);
        // A first change warms both processes' code paths (JIT, first stream delivery); the second is timed.
        Assert.Equal(HttpStatusCode.Created, (await buyer.PostAsJsonAsync($"/api/v1/showtimes/{showtime}/holds", new { seats = new[] { "A1" } })).StatusCode);
        Assert.Equal("A1", (await NextEventAsync(reader, patience.Token)).Data.GetProperty("seats")[0].GetProperty("seat").GetString());
        var watch = Stopwatch.StartNew();
        var hold = await buyer.PostAsJsonAsync($"/api/v1/showtimes/{showtime}/holds", new { seats = new[] { "B4" } });
        var change = await NextEventAsync(reader, patience.Token);
        watch.Stop();

        Assert.Equal(HttpStatusCode.Created, hold.StatusCode);
        Assert.Equal("seats", change.Event);
        Assert.Equal("B4", change.Data.GetProperty("seats")[0].GetProperty("seat").GetString());
        Assert.Equal("held", change.Data.GetProperty("seats")[0].GetProperty("status").GetString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"the change took {watch.ElapsedMilliseconds} ms (including the hold itself)");
    }

    private static async Task<(string Event, JsonElement Data)> NextEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? name = null;
        string? data = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event:", StringComparison.Ordinal)) name = line[6..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal)) data = line[5..].Trim();
            else if (line.Length == 0 && data is not null) return (name ?? "message", JsonDocument.Parse(data).RootElement);
        }
        throw new EndOfStreamException("the event stream ended");
    }
}
