using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Marquee.Bench;

/// <summary>The seat-map grain under release-night load, each against a baseline run in the same process and minute.</summary>
public sealed class SeatScenarios(ApiSession api, TokenMinter tokens, PgBench pgbench, int workers)
{
    private HttpClient Customer(Guid? user = null) => api.NewClient(tokens.Mint("customer", user));

    /// <summary>Each client holds its own free seat of one showtime and releases it, again and again.</summary>
    public async Task<string> HotHoldsAsync(Venue venue, TimeSpan duration)
    {
        var showtime = await venue.ShowtimeAsync(await venue.AuditoriumAsync());
        var clients = Enumerable.Range(0, workers).Select(_ => Customer()).ToArray();
        async Task Cycle(int worker)
        {
            var hold = await Venue.ReadAsync(await clients[worker].PostAsJsonAsync($"/api/v1/showtimes/{showtime}/holds", new { seats = new[] { Venue.Seat(worker) } }));
            using var released = await clients[worker].DeleteAsync($"/api/v1/showtimes/{showtime}/holds/{hold.GetProperty("holdId").GetGuid()}");
            released.EnsureSuccessStatusCode();
        }
        await LoadRunner.RunAsync(workers, TimeSpan.FromSeconds(3), Cycle);
        var product = await LoadRunner.RunAsync(workers, duration, Cycle);
        var baseline = await pgbench.ClaimAndReleaseAsync(workers, duration);
        return Line($"hot-holds: {product.PerSecond:F0}/s p99 {product.P99Milliseconds:F1} ms · sql-baseline: {baseline:F0}/s · ratio {product.PerSecond / baseline:F2}",
            $"hold+release cycles, {product.Errors} errors; baseline: pgbench, conditional UPDATE claim then release, 2 autocommit transactions, {workers} clients");
    }

    /// <summary>GET of a 300-seat map against a bare Kestrel endpoint serializing a same-size body per request.</summary>
    public async Task<string> SeatMapAsync(Venue venue, TimeSpan duration)
    {
        var showtime = await venue.ShowtimeAsync(await venue.AuditoriumAsync());
        var reader = api.NewClient();
        var body = await reader.GetByteArrayAsync($"/api/v1/showtimes/{showtime}/seats");
        async Task ReadMap(int _)
        {
            using var response = await reader.GetAsync($"/api/v1/showtimes/{showtime}/seats");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }
        await LoadRunner.RunAsync(workers, TimeSpan.FromSeconds(3), ReadMap);
        var product = await LoadRunner.RunAsync(workers, duration, ReadMap);

        await using var bare = await BareKestrel.StartAsync(JsonDocument.Parse(body).RootElement);
        var plain = api.NewClient(baseAddress: bare.Address);
        async Task ReadBare(int _)
        {
            using var response = await plain.GetAsync("/seats");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }
        await LoadRunner.RunAsync(workers, TimeSpan.FromSeconds(3), ReadBare);
        var baseline = await LoadRunner.RunAsync(workers, duration, ReadBare);
        return Line($"seat-map: {product.PerSecond:F0}/s · kestrel-json-baseline: {baseline.PerSecond:F0}/s · ratio {product.PerSecond / baseline.PerSecond:F2}",
            $"{body.Length:N0}-byte body; p99 {product.P99Milliseconds:F1} ms against {baseline.P99Milliseconds:F1} ms; {product.Errors} errors");
    }

    /// <summary>A 300-seat showtime and 2,000 customers asking for one best-available seat at the same moment.</summary>
    public async Task<string> SellOutAsync(Venue venue, int contenders)
    {
        var showtime = await venue.ShowtimeAsync(await venue.AuditoriumAsync());
        var clients = Enumerable.Range(0, contenders).Select(_ => Customer()).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = clients.Select(async client =>
        {
            await start.Task;
            using var response = await client.PostAsJsonAsync($"/api/v1/showtimes/{showtime}/holds", new { quantity = 1, seatKind = "standard" });
            return response.StatusCode == HttpStatusCode.Created
                ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seats")[0].GetString()
                : null;
        }).ToList();
        var clock = Stopwatch.StartNew();
        start.SetResult();
        var granted = (await Task.WhenAll(attempts)).Where(seat => seat is not null).ToList();
        var elapsed = clock.Elapsed;

        var map = await api.NewClient().GetFromJsonAsync<JsonElement>($"/api/v1/showtimes/{showtime}/seats");
        var held = map.GetProperty("seats").EnumerateArray().Count(seat => seat.GetProperty("status").GetString() == "held");
        var capacity = map.GetProperty("capacity").GetInt32();
        // Oversold: a seat granted twice, more grants than seats, or grants the map does not show.
        var oversold = (granted.Count - granted.Distinct().Count()) + Math.Max(0, granted.Count - capacity) + Math.Abs(granted.Count - held);
        return Line($"sell-out: {granted.Count} seats to {contenders} contenders in {elapsed.TotalSeconds:F1} s · oversold {oversold}",
            $"capacity {capacity}, held on the map afterwards {held}");
    }

    private static string Line(string summary, string detail) => string.Create(CultureInfo.InvariantCulture, $"{summary}\n    ({detail})");

    /// <summary>The baseline server: Kestrel, one endpoint, the same JSON serialized on every request.</summary>
    private sealed class BareKestrel(WebApplication app, Uri address) : IAsyncDisposable
    {
        public Uri Address { get; } = address;

        public static async Task<BareKestrel> StartAsync(JsonElement seatMap)
        {
            var seats = seatMap.Deserialize<SeatMapBody>(Json)!;
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapGet("/seats", () => Results.Json(seats, Json));
            await app.StartAsync();
            return new BareKestrel(app, new Uri(app.Urls.First()));
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();

        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

        private sealed record SeatMapBody(Guid ShowtimeId, long Version, int Capacity, IReadOnlyList<SeatBody> Seats);

        private sealed record SeatBody(string Seat, string Row, int Number, string Kind, string Status);
    }
}
