using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;

namespace Marquee.Bench;

/// <summary>
/// Release night: many showtimes on sale at once and many people at them, mostly looking at seat
/// maps, some holding and letting go, some buying with popcorn. The conventional service sells
/// nothing, so the ratio compares the product and it on the same reads and holds without the orders;
/// the full mix gives each operation's p99. All three run in alternating rounds.
/// </summary>
public sealed class ReleaseNightScenario(ApiSession api, TokenMinter tokens, Conventional conventional, LoadShape shape)
{
    private const int Showtimes = 200;
    private const int Workers = 64;
    private const int Rounds = 4;

    public async Task<string> RunAsync(Venue venue, HttpClient manager)
    {
        var popcorn = await PopcornAsync(manager);
        var auditoriums = new List<Guid>();
        for (var i = 0; i < 20; i++) auditoriums.Add(await venue.AuditoriumAsync());
        var product = new List<string>();
        var baseline = new List<string>();
        for (var i = 0; i < Showtimes; i++)
        {
            product.Add($"/api/v1/showtimes/{await venue.ShowtimeAsync(auditoriums[i % auditoriums.Count])}");
            baseline.Add($"/api/v1/showtimes/{await conventional.ShowtimeAsync()}");
        }
        var productTally = new Tally();
        var sameTally = new Tally();
        var baselineTally = new Tally();
        var productCustomers = Enumerable.Range(0, Workers).Select(_ => api.NewClient(tokens.Mint("customer"))).ToArray();
        var baselineCustomers = Enumerable.Range(0, Workers).Select(_ => conventional.Customer()).ToArray();
        var (reader, baselineReader) = (api.NewClient(), conventional.Anonymous());
        var orders = 0;

        // Each worker holds only its own seat (its number) so holds never collide; orders take seats
        // 65 and up, a new one each time, so they never collide either.
        async Task ProductStep(int worker)
        {
            var dice = Random.Shared.Next(100);
            var showtime = product[Random.Shared.Next(Showtimes)];
            if (dice < 70)
            {
                await productTally.TimeAsync("read", () => ReadAsync(reader, $"{showtime}/seats"));
            }
            else if (dice < 95)
            {
                await HoldAndReleaseAsync(productTally, productCustomers[worker], showtime, Venue.Seat(worker));
            }
            else
            {
                var order = Interlocked.Increment(ref orders) - 1;
                await BuyAsync(productTally, product[order % Showtimes], Venue.Seat(Workers + order / Showtimes), popcorn);
            }
        }

        // Reads and holds alone, 70 to 25 as in the full mix, on the product and on the conventional service.
        async Task ReadsAndHolds(Tally tally, IReadOnlyList<string> showtimes, HttpClient anonymous, HttpClient customer, int worker)
        {
            var showtime = showtimes[Random.Shared.Next(Showtimes)];
            if (Random.Shared.Next(95) < 70)
            {
                await tally.TimeAsync("read", () => ReadAsync(anonymous, $"{showtime}/seats"));
            }
            else
            {
                await HoldAndReleaseAsync(tally, customer, showtime, Venue.Seat(worker));
            }
        }

        var mix = shape with { Workers = Workers };
        var results = await LoadRunner.AlternateAsync(mix, Rounds, afterWarmup: () => { productTally.Clear(); sameTally.Clear(); baselineTally.Clear(); },
            ProductStep,
            worker => ReadsAndHolds(sameTally, product, reader, productCustomers[worker], worker),
            worker => ReadsAndHolds(baselineTally, baseline, baselineReader, baselineCustomers[worker], worker));
        double PerSecond(Tally tally, LoadResult result, params string[] operations) => tally.Count(operations) / result.Elapsed.TotalSeconds;
        var (same, conventionalRate) = (PerSecond(sameTally, results[1], "read", "hold", "release"), PerSecond(baselineTally, results[2], "read", "hold", "release"));
        return string.Create(CultureInfo.InvariantCulture,
            $"release-night: p99 {productTally.Summary()} · errors {productTally.Errors} · reads+holds {same:F0}/s · conventional: {conventionalRate:F0}/s · ratio {same / conventionalRate:F2} (goal: p99 < 250 ms, 0 errors, ratio ≥ 3)\n" +
            $"    ({Showtimes} showtimes, {Workers} workers; full mix 70 % seat-map reads, 25 % hold then release, 5 % hold then order with popcorn: {PerSecond(productTally, results[0], "read", "hold", "release", "order"):F0} ops/s, orders {PerSecond(productTally, results[0], "order"):F1}/s; " +
            $"reads and holds alone, p99 {sameTally.Summary()} against the conventional {baselineTally.Summary()}, errors {sameTally.Errors} and {baselineTally.Errors}; {Rounds} alternating rounds)");
    }

    private async Task<int> PopcornAsync(HttpClient manager)
    {
        var category = await Venue.ReadAsync(await manager.PostAsJsonAsync("/api/v1/categories", new { name = $"Night {Guid.NewGuid():N}"[..20] }));
        var product = await Venue.ReadAsync(await manager.PostAsJsonAsync("/api/v1/products", new
        {
            name = $"Pipoca {Guid.NewGuid():N}"[..24], description = "Release night.", categoryId = category.GetProperty("id").GetInt32(), priceCents = 2400, stock = 1_000_000,
        }));
        return product.GetProperty("id").GetInt32();
    }

    private static async Task HoldAndReleaseAsync(Tally tally, HttpClient customer, string showtime, string seat)
    {
        var hold = await tally.TimeAsync("hold", async () => await Venue.ReadAsync(await customer.PostAsJsonAsync($"{showtime}/holds", new { seats = new[] { seat } })));
        await tally.TimeAsync("release", async () =>
        {
            using var released = await customer.DeleteAsync($"{showtime}/holds/{hold.GetProperty("holdId").GetGuid()}");
            released.EnsureSuccessStatusCode();
            return true;
        });
    }

    /// <summary>A new customer holds one seat and orders it with a popcorn; the order's processing runs on after the 201.</summary>
    private async Task BuyAsync(Tally tally, string showtime, string seat, int popcorn)
    {
        using var customer = api.NewClient(tokens.Mint("customer"));
        var hold = await tally.TimeAsync("hold", async () => await Venue.ReadAsync(await customer.PostAsJsonAsync($"{showtime}/holds", new { seats = new[] { seat } })));
        await tally.TimeAsync("order", async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
            {
                Content = JsonContent.Create(new
                {
                    showtimeId = Guid.Parse(showtime[(showtime.LastIndexOf('/') + 1)..]),
                    holdId = hold.GetProperty("holdId").GetGuid(),
                    tickets = new[] { new { seat, type = "full" } },
                    items = new[] { new { productId = popcorn, quantity = 1 } },
                }),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            return await Venue.ReadAsync(await customer.SendAsync(request));
        });
    }

    private static async Task<bool> ReadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        return true;
    }

    /// <summary>Latencies and failures per kind of operation.</summary>
    private sealed class Tally
    {
        private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new();
        private int _errors;

        public int Errors => Volatile.Read(ref _errors);

        public async Task<T> TimeAsync<T>(string operation, Func<Task<T>> call)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                var result = await call();
                _latencies.GetOrAdd(operation, _ => []).Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return result;
            }
            catch
            {
                Interlocked.Increment(ref _errors);
                throw;
            }
        }

        public long Count(params string[] operations) => operations.Sum(operation => (long)(_latencies.TryGetValue(operation, out var bag) ? bag.Count : 0));

        public string Summary() => string.Join(", ", _latencies.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair =>
        {
            var sorted = pair.Value.Order().ToArray();
            return string.Create(CultureInfo.InvariantCulture, $"{pair.Key} {sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.99 * sorted.Length) - 1)]:F0} ms");
        }));

        public void Clear()
        {
            _latencies.Clear();
            Interlocked.Exchange(ref _errors, 0);
        }
    }
}
