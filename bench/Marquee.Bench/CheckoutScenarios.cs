using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marquee.Bench;

/// <summary>Whole purchases (hold, order with concessions, wait for the outcome), and the silo's memory with many live showtimes.</summary>
public sealed class CheckoutScenarios(ApiSession api, TokenMinter tokens, LoadShape shape)
{
    /// <summary>Each cycle is a new customer: hold a best-available seat, order it with popcorn, poll until Approved or Refused.</summary>
    public async Task<string> CheckoutAsync(Venue venue, HttpClient manager)
    {
        var category = await Venue.ReadAsync(await manager.PostAsJsonAsync("/api/v1/categories", new { name = $"Bench {Guid.NewGuid():N}"[..20] }));
        var popcorn = (await Venue.ReadAsync(await manager.PostAsJsonAsync("/api/v1/products", new
        {
            name = $"Pipoca {Guid.NewGuid():N}"[..24], description = "Bench.", categoryId = category.GetProperty("id").GetInt32(), priceCents = 2400, stock = 1_000_000,
        }))).GetProperty("id").GetInt32();
        var showtimes = new List<Guid>();
        for (var i = 0; i < 8; i++) showtimes.Add(await venue.ShowtimeAsync(await venue.AuditoriumAsync()));
        var cursor = new int[shape.Workers];

        async Task Purchase(int worker)
        {
            using var customer = api.NewClient(tokens.Mint("customer"));
            JsonElement hold;
            while (true)
            {
                var showtime = showtimes[(worker + cursor[worker]) % showtimes.Count];
                using var held = await customer.PostAsJsonAsync($"/api/v1/showtimes/{showtime}/holds", new { quantity = 1, seatKind = "standard" });
                if (held.StatusCode == HttpStatusCode.Conflict)
                {
                    cursor[worker]++;   // sold out: the next showtime
                    continue;
                }
                hold = await Venue.ReadAsync(held);
                hold = JsonDocument.Parse($$"""{"showtimeId":"{{showtime}}","hold":{{hold.GetRawText()}}}""").RootElement;
                break;
            }
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
            {
                Content = JsonContent.Create(new
                {
                    showtimeId = hold.GetProperty("showtimeId").GetGuid(),
                    holdId = hold.GetProperty("hold").GetProperty("holdId").GetGuid(),
                    tickets = new[] { new { seat = hold.GetProperty("hold").GetProperty("seats")[0].GetString(), type = "full" } },
                    items = new[] { new { productId = popcorn, quantity = 1 } },
                }),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            var order = await Venue.ReadAsync(await customer.SendAsync(request));
            var orderId = order.GetProperty("id").GetGuid();
            while (order.GetProperty("status").GetString() == "Pending")
            {
                await Task.Delay(10);
                order = await customer.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{orderId}");
            }
        }

        var result = await LoadRunner.MeasureAsync(shape, Purchase);
        return string.Create(CultureInfo.InvariantCulture,
            $"checkout: {result.PerSecond:F1} orders/s · p99 {result.P99Milliseconds:F0} ms\n    (hold → order with concessions → final status, payment simulator at 50 ms, {shape.Workers} clients, p50 {result.P50Milliseconds:F0} ms, {result.Errors} errors)");
    }

    /// <summary>Schedules and opens 10,000 showtimes (each seat map active in the silo), then reads the silo's resident memory.</summary>
    public async Task<string> MemoryAsync(Venue venue, int siloPid, int showtimes = 10_000)
    {
        var auditoriums = new List<Guid>();
        for (var i = 0; i < 50; i++) auditoriums.Add(await venue.AuditoriumAsync());
        var reader = api.NewClient();
        var created = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, showtimes), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (index, cancellationToken) =>
        {
            var showtime = await venue.ShowtimeAsync(auditoriums[index % auditoriums.Count]);
            (await reader.GetAsync($"/api/v1/showtimes/{showtime}/seats", cancellationToken)).EnsureSuccessStatusCode();
            Interlocked.Increment(ref created);
        });
        var before = ResidentMiB(siloPid);
        // Collected memory, not garbage waiting for a GC: ask twice, a second apart, and keep the lower.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var after = ResidentMiB(siloPid);
        return string.Create(CultureInfo.InvariantCulture,
            $"memory: silo working set {Math.Min(before, after):F0} MiB with {created:N0} active showtimes (goal < 1,024 MiB)\n    (resident set of the silo process from /proc; 300-seat maps)");
    }

    private static double ResidentMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(text => text.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
