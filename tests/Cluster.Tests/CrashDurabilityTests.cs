using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Cinema;

namespace Marquee.Cluster.Tests;

public sealed class CrashDurabilityTests(TwoSiloClusterFixture cluster) : IClassFixture<TwoSiloClusterFixture>
{
    [Fact]
    public async Task EveryHoldAnswered201SurvivesAKillOfTheHostingSiloInTheMiddleOfABurst()
    {
        var showtime = Guid.NewGuid();
        var rows = new[] { "A", "B", "C", "D", "E", "F", "G", "H", "J", "K" };
        await cluster.Client.GetGrain<IShowtimeSeatsGrain>(showtime).ConfigureAsync(
            new SeatMapSetup(rows, rows.SelectMany(row => Enumerable.Range(1, 12).Select(n => new SeatDefinition(row, n, n, SeatKind.Standard))).ToList()));
        using var api = cluster.CreateAdminClient();
        var host = await cluster.SiloHostingAsync(cluster.Client.GetGrain<IShowtimeSeatsGrain>(showtime));

        // Twelve customers at a time hold one seat each (the per-user limit is 10 seats) while the silo
        // hosting the map is killed once 40 holds were answered: with a snapshot every 25 events (the
        // fixture's setting) the survivor rebuilds from a snapshot and the events written after it.
        var seats = new System.Collections.Concurrent.ConcurrentQueue<string>(rows.SelectMany(row => Enumerable.Range(1, 12).Select(n => $"{row}{n}")));
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        var fortyAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killed = false;
        var burst = Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            while (!Volatile.Read(ref killed) && seats.TryDequeue(out var seat))
            {
                using var client = cluster.CreateClientFor(Guid.NewGuid());
                try
                {
                    var response = await client.PostAsJsonAsync($"/api/v1/showtimes/{showtime}/holds", new { seats = new[] { seat } });
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add(seat);
                        if (acknowledged.Count >= 40) fortyAnswered.TrySetResult();
                    }
                }
                catch (HttpRequestException)
                {
                    // Cut off by the kill: not acknowledged, so nothing is owed.
                }
                catch (TaskCanceledException)
                {
                }
            }
        }));
        await fortyAnswered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await host.KillAsync();
        Volatile.Write(ref killed, true);
        await burst;
        var map = await ReadMapWhenServedAsync(api, showtime);

        var held = map.GetProperty("seats").EnumerateArray()
            .Where(seat => seat.GetProperty("status").GetString() == "held").Select(seat => seat.GetProperty("seat").GetString()!).ToHashSet();
        Assert.True(acknowledged.Count >= 40);
        Assert.Superset(acknowledged.ToHashSet(), held);
        // The recovered map is one storage took: its version counts exactly the holds it shows.
        Assert.Equal(held.Count, map.GetProperty("version").GetInt64());
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
