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
public sealed class SeatScenarios(ApiSession api, TokenMinter tokens, PgBench pgbench, LoadShape shape)
{
    private HttpClient Customer(Guid? user = null) => api.NewClient(tokens.Mint("customer", user));

    /// <summary>Each client holds its own free seat of one showtime and releases it, again and again.</summary>
    public async Task<string> HotHoldsAsync(Venue venue)
    {
        var showtime = await venue.ShowtimeAsync(await venue.AuditoriumAsync());
        var clients = Enumerable.Range(0, shape.Workers).Select(_ => Customer()).ToArray();
        async Task Cycle(int worker)
        {
            var hold = await Venue.ReadAsync(await clients[worker].PostAsJsonAsync($"/api/v1/showtimes/{showtime}/holds", new { seats = new[] { Venue.Seat(worker) } }));
            using var released = await clients[worker].DeleteAsync($"/api/v1/showtimes/{showtime}/holds/{hold.GetProperty("holdId").GetGuid()}");
            released.EnsureSuccessStatusCode();
        }
        var product = await LoadRunner.MeasureAsync(shape, Cycle);
        var baseline = await pgbench.ClaimAndReleaseAsync(shape.Workers, shape.Duration);
        var ceiling = await HttpCeilingAsync();
        return Line($"hot-holds: {product.PerSecond:F0}/s p99 {product.P99Milliseconds:F1} ms · sql-baseline: {baseline:F0}/s · ratio {product.PerSecond / baseline:F2}",
            $"hold+release cycles, {product.Errors} errors; baseline: pgbench, conditional UPDATE claim then release, 2 autocommit transactions, {shape.Workers} clients; " +
            $"http-ceiling: {ceiling.PerSecond:F0}/s p99 {ceiling.P99Milliseconds:F1} ms, the same loop against no-op endpoints of a bare Kestrel app (no auth, no cluster, no database)");
    }

    /// <summary>
    /// What HTTP alone allows on this machine with this load generator: the hold/release loop against
    /// endpoints that only parse the request and answer, so the product's rate can be read against it.
    /// </summary>
    private async Task<LoadResult> HttpCeilingAsync()
    {
        await using var bare = await BareKestrel.StartAsync(app =>
        {
            app.MapPost("/holds", (BareHold hold) => Results.Json(hold with { HoldId = Guid.NewGuid() }, BareKestrel.Json, statusCode: StatusCodes.Status201Created));
            app.MapDelete("/holds/{holdId:guid}", (Guid holdId) => Results.NoContent());
        });
        var clients = Enumerable.Range(0, shape.Workers).Select(_ => api.NewClient(baseAddress: bare.Address)).ToArray();
        async Task Cycle(int worker)
        {
            var hold = await Venue.ReadAsync(await clients[worker].PostAsJsonAsync("/holds", new { seats = new[] { Venue.Seat(worker) } }));
            using var released = await clients[worker].DeleteAsync($"/holds/{hold.GetProperty("holdId").GetGuid()}");
            released.EnsureSuccessStatusCode();
        }
        return await LoadRunner.MeasureAsync(shape, Cycle);
    }

    /// <summary>GET of a 300-seat map against a bare Kestrel endpoint serializing a same-size body per request.</summary>
    public async Task<string> SeatMapAsync(Venue venue)
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
        var product = await LoadRunner.MeasureAsync(shape, ReadMap);

        var seats = JsonDocument.Parse(body).RootElement.Deserialize<SeatMapBody>(BareKestrel.Json)!;
        await using var bare = await BareKestrel.StartAsync(app => app.MapGet("/seats", () => Results.Json(seats, BareKestrel.Json)));
        var plain = api.NewClient(baseAddress: bare.Address);
        async Task ReadBare(int _)
        {
            using var response = await plain.GetAsync("/seats");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }
        var baseline = await LoadRunner.MeasureAsync(shape, ReadBare);
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

    /// <summary>A baseline server: Kestrel and minimal endpoints, in this process, on a free loopback port.</summary>
    private sealed class BareKestrel(WebApplication app, Uri address) : IAsyncDisposable
    {
        public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

        public Uri Address { get; } = address;

        public static async Task<BareKestrel> StartAsync(Action<WebApplication> map)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            map(app);
            await app.StartAsync();
            return new BareKestrel(app, new Uri(app.Urls.First()));
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }

    private sealed record SeatMapBody(Guid ShowtimeId, long Version, int Capacity, IReadOnlyList<SeatBody> Seats);

    private sealed record SeatBody(string Seat, string Row, int Number, string Kind, string Status);

    private sealed record BareHold(Guid HoldId, IReadOnlyList<string> Seats);
}
