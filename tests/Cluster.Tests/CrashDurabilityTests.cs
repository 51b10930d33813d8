using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Cinema;

namespace Marquee.Cluster.Tests;

public sealed class CrashDurabilityTests(TwoSiloClusterFixture cluster) : IClassFixture<TwoSiloClusterFixture>
{
    [Fact]
    public async Task EveryHoldAnswered201SurvivesTheKillOfTheSiloHostingTheSeatMap()
    {
        var showtime = Guid.NewGuid();
        var rows = new[] { "A", "B", "C", "D", "E" };
        await cluster.Client.GetGrain<IShowtimeSeatsGrain>(showtime).ConfigureAsync(
            new SeatMapSetup(rows, rows.SelectMany(row => Enumerable.Range(1, 12).Select(n => new SeatDefinition(row, n, n, SeatKind.Standard))).ToList()));
        using var api = cluster.CreateAdminClient();

        // Sixty concurrent single-seat holds by sixty different customers (the per-user limit is 10 seats).
        var answers = await Task.WhenAll(rows.SelectMany(row => Enumerable.Range(1, 12).Select(n => $"{row}{n}")).Select(async seat =>
        {
            using var client = cluster.CreateClientFor(Guid.NewGuid());
            var response = await client.PostAsJsonAsync($"/api/v1/showtimes/{showtime}/holds", new { seats = new[] { seat } });
            return (seat, response.StatusCode);
        }));
        var acknowledged = answers.Where(answer => answer.StatusCode == HttpStatusCode.Created).Select(answer => answer.seat).ToHashSet();
        Assert.Equal(60, acknowledged.Count);

        // The hosting silo dies without a chance to flush anything; the survivor must rebuild the map from storage.
        var host = await cluster.SiloHostingAsync(cluster.Client.GetGrain<IShowtimeSeatsGrain>(showtime));
        await host.KillAsync();
        var map = await ReadMapWhenServedAsync(api, showtime);

        var held = map.GetProperty("seats").EnumerateArray()
            .Where(seat => seat.GetProperty("status").GetString() == "held").Select(seat => seat.GetProperty("seat").GetString()!).ToHashSet();
        Assert.Superset(acknowledged, held);
    }

    private static async Task<JsonElement> ReadMapWhenServedAsync(HttpClient api, Guid showtime)
    {
        // The API reconnects to the new gateway on its own; poll the public read until it answers again.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            try
            {
                var response = await api.GetAsync($"/api/v1/showtimes/{showtime}/seats");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await response.Content.ReadFromJsonAsync<JsonElement>();
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the seat map was not served again within 120 s");
            await Task.Delay(500);
        }
    }
}
