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

/// <summary>The seat-map grain under release-night load, each against the conventional service in the same run.</summary>
public sealed class SeatScenarios(ApiSession api, TokenMinter tokens, Conventional conventional, LoadShape shape, CpuMeter cpu)
{
    /// <summary>Turns per system in a comparison: enough that a slow moment cannot favour one of them.</summary>
    private const int Rounds = 4;

    private HttpClient Customer(Guid? user = null) => api.NewClient(tokens.Mint("customer", user));

    /// <summary>Each client holds its own free seat of one showtime and releases it, again and again.</summary>
    public async Task<string> HotHoldsAsync(Venue venue)
    {
        var showtime = $"/api/v1/showtimes/{await venue.ShowtimeAsync(await venue.AuditoriumAsync())}";
        var conventionalShowtime = $"/api/v1/showtimes/{await conventional.ShowtimeAsync()}";
        var clients = Enumerable.Range(0, shape.Workers).Select(_ => Customer()).ToArray();
        var conventionalClients = Enumerable.Range(0, shape.Workers).Select(_ => conventional.Customer()).ToArray();
        var results = await LoadRunner.AlternateAsync(shape, Rounds,
            worker => HoldAndReleaseAsync(clients[worker], showtime, worker),
            worker => HoldAndReleaseAsync(conventionalClients[worker], conventionalShowtime, worker));
        var (product, baseline) = (results[0], results[1]);
        // Where a cycle's machine time goes, every process counted: one more short run of each, alone.
        var productCpu = await cpu.PerOperationAsync(shape.Workers, shape.Duration / Rounds, worker => HoldAndReleaseAsync(clients[worker], showtime, worker));
        var baselineCpu = await cpu.PerOperationAsync(shape.Workers, shape.Duration / Rounds, worker => HoldAndReleaseAsync(conventionalClients[worker], conventionalShowtime, worker));
        var ceiling = await HttpCeilingAsync();
        return Line($"hot-holds: {product.PerSecond:F0}/s p99 {product.P99Milliseconds:F1} ms · conventional: {baseline.PerSecond:F0}/s p99 {baseline.P99Milliseconds:F1} ms · ratio {product.PerSecond / baseline.PerSecond:F2} (goal ≥ 4, p99 < 25 ms)",
            $"hold+release cycles of {shape.Workers} clients, {product.Errors} and {baseline.Errors} errors, {Rounds} alternating rounds; " +
            $"http-ceiling: {ceiling.PerSecond:F0}/s p99 {ceiling.P99Milliseconds:F1} ms, the same loop against no-op endpoints of a bare Kestrel app (no auth, no cluster, no database);\n" +
            $"     CPU per cycle, product: {CpuMeter.Describe(productCpu)}; conventional: {CpuMeter.Describe(baselineCpu)}");
    }

    private static async Task HoldAndReleaseAsync(HttpClient client, string showtime, int worker)
    {
        var hold = await Venue.ReadAsync(await client.PostAsJsonAsync($"{showtime}/holds", new { seats = new[] { Venue.Seat(worker) } }));
        using var released = await client.DeleteAsync($"{showtime}/holds/{hold.GetProperty("holdId").GetGuid()}");
        released.EnsureSuccessStatusCode();
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
        return await LoadRunner.MeasureAsync(shape, worker => HoldAndReleaseAsync(clients[worker], "", worker));
    }

    /// <summary>
    /// GET of a 300-seat map, against the conventional service's SELECT and against a bare Kestrel
    /// endpoint serializing a same-size body per request.
    /// </summary>
    public async Task<string> SeatMapAsync(Venue venue)
    {
        var showtime = await venue.ShowtimeAsync(await venue.AuditoriumAsync());
        var reader = api.NewClient();
        var body = await reader.GetByteArrayAsync($"/api/v1/showtimes/{showtime}/seats");
        var conventionalShowtime = await conventional.ShowtimeAsync();
        var conventionalReader = conventional.Anonymous();

        var seats = JsonDocument.Parse(body).RootElement.Deserialize<SeatMapBody>(BareKestrel.Json)!;
        await using var bare = await BareKestrel.StartAsync(app => app.MapGet("/seats", () => Results.Json(seats, BareKestrel.Json)));
        var plain = api.NewClient(baseAddress: bare.Address);
        var results = await LoadRunner.AlternateAsync(shape, Rounds,
            _ => ReadAsync(reader, $"/api/v1/showtimes/{showtime}/seats"),
            _ => ReadAsync(conventionalReader, $"/api/v1/showtimes/{conventionalShowtime}/seats"),
            _ => ReadAsync(plain, "/seats"));
        var (product, baseline, kestrel) = (results[0], results[1], results[2]);
        return Line($"seat-map: {product.PerSecond:F0}/s · conventional: {baseline.PerSecond:F0}/s · ratio {product.PerSecond / baseline.PerSecond:F2} (goal ≥ 10) · kestrel-json: {kestrel.PerSecond:F0}/s · ratio {product.PerSecond / kestrel.PerSecond:F2} (goal ≥ 1.2)",
            $"{body.Length:N0}-byte body; p99 {product.P99Milliseconds:F1} ms against {baseline.P99Milliseconds:F1} and {kestrel.P99Milliseconds:F1} ms; {product.Errors + baseline.Errors + kestrel.Errors} errors; {Rounds} alternating rounds");
    }

    private static async Task ReadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
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
