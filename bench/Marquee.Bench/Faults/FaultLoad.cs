using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marquee.Bench.Faults;

/// <summary>
/// Bounded booking and ordering traffic while the script breaks things: each worker plays one customer
/// after another, each holding one or two best-available seats, then either ordering them with popcorn or letting them go,
/// retrying a call that got no answer the way a real client would (orders with the same
/// Idempotency-Key).
/// </summary>
public sealed class FaultLoad(ApiSession api, TokenMinter tokens, FaultJournal journal)
{
    private const int Retries = 3;

    public IReadOnlyList<Guid> Showtimes { get; private set; } = [];

    public IReadOnlyList<(int ProductId, int Stock)> Products { get; private set; } = [];

    public async Task ArrangeAsync(HttpClient manager, int showtimes)
    {
        var venue = await Venue.CreateAsync(manager);
        var list = new List<Guid>();
        for (var i = 0; i < showtimes; i++) list.Add(await venue.ShowtimeAsync(await venue.AuditoriumAsync()));
        Showtimes = list;
        var category = await Venue.ReadAsync(await manager.PostAsJsonAsync("/api/v1/categories", new { name = $"Faults {Guid.NewGuid():N}"[..20] }));
        var products = new List<(int, int)>();
        foreach (var stock in new[] { 400, 400 })
        {
            var product = await Venue.ReadAsync(await manager.PostAsJsonAsync("/api/v1/products", new
            {
                name = $"Pipoca {Guid.NewGuid():N}"[..24], description = "Fault load.", categoryId = category.GetProperty("id").GetInt32(), priceCents = 2200, stock,
            }));
            products.Add((product.GetProperty("id").GetInt32(), stock));
        }
        Products = products;
    }

    public HttpClient Customer(Guid customerId)
    {
        var client = api.NewClient(tokens.Mint("customer", customerId));
        client.Timeout = TimeSpan.FromSeconds(10);
        return client;
    }

    public Task RunAsync(TimeSpan duration, int workers) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(() => WorkAsync(worker, duration))));

    private async Task WorkAsync(int worker, TimeSpan duration)
    {
        var random = new Random(worker);
        var deadline = DateTime.UtcNow + duration;
        var cursor = worker % Showtimes.Count;
        var soldOut = 0;
        while (DateTime.UtcNow < deadline && soldOut < Showtimes.Count)
        {
            var customerId = Guid.NewGuid();
            journal.Customers.Add(customerId);
            using var customer = Customer(customerId);
            var showtimeId = Showtimes[cursor];
            using var held = await journal.SendAsync("hold", () => customer.PostAsJsonAsync($"/api/v1/showtimes/{showtimeId}/holds",
                new { quantity = 1 + random.Next(2), seatKind = "standard" }));
            if (held?.StatusCode == HttpStatusCode.Conflict)
            {
                cursor = (cursor + 1) % Showtimes.Count;
                soldOut++;
                continue;
            }
            if (held?.StatusCode != HttpStatusCode.Created)
            {
                await Task.Delay(200);
                continue;
            }
            soldOut = 0;
            var body = await held.Content.ReadFromJsonAsync<JsonElement>();
            var hold = new HoldRecord(showtimeId, body.GetProperty("holdId").GetGuid(),
                body.GetProperty("seats").EnumerateArray().Select(seat => seat.GetString()!).ToList());
            journal.Holds.Add(hold);
            hold.Fate = random.Next(2) == 0 ? await OrderAsync(customer, customerId, hold, random) : await ReleaseAsync(customer, hold);
            await Task.Delay(10);
        }
    }

    private async Task<HoldFate> OrderAsync(HttpClient customer, Guid customerId, HoldRecord hold, Random random)
    {
        var key = Guid.NewGuid().ToString();
        var (productId, _) = Products[random.Next(Products.Count)];
        for (var attempt = 0; attempt < Retries; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
            {
                Content = JsonContent.Create(new
                {
                    showtimeId = hold.ShowtimeId, holdId = hold.HoldId,
                    tickets = hold.Seats.Select(seat => new { seat, type = "full" }).ToArray(),
                    items = new[] { new { productId, quantity = 1 } },
                }),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await journal.SendAsync("order", () => customer.SendAsync(request));
            if (response?.StatusCode == HttpStatusCode.Created)
            {
                journal.Orders[(await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()] = customerId;
                return HoldFate.Ordered;
            }
            if (response is not null && (int)response.StatusCode < 500) return HoldFate.Held; // refused outright: the hold stays
            await Task.Delay(500 * (attempt + 1));
        }
        return HoldFate.Uncertain;
    }

    private async Task<HoldFate> ReleaseAsync(HttpClient customer, HoldRecord hold)
    {
        var unanswered = false;
        for (var attempt = 0; attempt < Retries; attempt++)
        {
            using var response = await journal.SendAsync("release", () => customer.DeleteAsync($"/api/v1/showtimes/{hold.ShowtimeId}/holds/{hold.HoldId}"));
            if (response?.StatusCode == HttpStatusCode.NoContent) return HoldFate.Released;
            // A 404 after a call that got no answer: that call released it.
            if (response?.StatusCode == HttpStatusCode.NotFound && unanswered) return HoldFate.Uncertain;
            if (response is not null && (int)response.StatusCode < 500) return HoldFate.Held;
            unanswered = true;
            await Task.Delay(500 * (attempt + 1));
        }
        return HoldFate.Uncertain;
    }
}
