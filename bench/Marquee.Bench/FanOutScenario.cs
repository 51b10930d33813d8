using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Marquee.Bench;

/// <summary>
/// Live viewers of one showtime while holds and releases arrive at a steady rate: how long a change
/// takes from its request to every viewer, whether any viewer's picture ends up wrong, and the rate
/// of changes the product actually kept up.
/// </summary>
public sealed class FanOutScenario(ApiSession api, TokenMinter tokens)
{
    private const int Seats = Venue.Rows * Venue.SeatsPerRow;
    private static readonly TimeSpan SupersedingWindow = TimeSpan.FromSeconds(1);

    public async Task<string> RunAsync(Venue venue, int viewerCount, int changesPerSecond, TimeSpan duration)
    {
        var showtime = $"/api/v1/showtimes/{await venue.ShowtimeAsync(await venue.AuditoriumAsync())}";
        // Each viewer keeps its own connection open, as each browser would.
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var streams = new HttpClient(handler) { BaseAddress = api.Address, Timeout = Timeout.InfiniteTimeSpan };
        using var stop = new CancellationTokenSource();
        var viewers = Enumerable.Range(0, viewerCount).Select(_ => new Viewer()).ToArray();
        using var connecting = new SemaphoreSlim(64);
        var watching = viewers.Select(viewer => viewer.WatchAsync(streams, $"{showtime}/seats/stream", connecting, stop.Token)).ToArray();
        var connectClock = Stopwatch.StartNew();
        await Task.WhenAll(viewers.Select(viewer => viewer.Connected));
        var connectTime = connectClock.Elapsed;

        var (sent, errors, elapsed) = await DriveAsync(showtime, changesPerSecond, duration);

        // Every viewer should reach the map's final version; give them a while, then look at what each has.
        var final = await api.NewClient().GetFromJsonAsync<JsonElement>($"{showtime}/seats");
        var finalVersion = final.GetProperty("version").GetInt64();
        var truth = new byte[Seats];
        foreach (var seat in final.GetProperty("seats").EnumerateArray())
        {
            truth[Viewer.SeatIndex(seat.GetProperty("seat").GetString()!)] = Viewer.StatusCode(seat.GetProperty("status").GetString()!);
        }
        var settle = Stopwatch.StartNew();
        while (viewers.Any(viewer => viewer.Version < finalVersion) && settle.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }
        await stop.CancelAsync();
        await Task.WhenAll(watching);

        // A change reaches a viewer with the first event showing its seat in that state, or in a later
        // state of the seat made within a second of it: the API merges changes within a frame (half a
        // second at most), so a hold released before its frame went out is superseded, not missed.
        // Missed is a change no event covered.
        var sentBySeat = sent.GroupBy(change => change.Key / 4).ToDictionary(group => group.Key, group => group.ToArray());
        var latencies = new List<double>(viewerCount * sent.Count);
        var (delivered, superseded) = (0L, 0L);
        foreach (var viewer in viewers)
        {
            var next = new Dictionary<int, int>();
            foreach (var (key, at) in viewer.Arrivals)
            {
                if (!sentBySeat.TryGetValue(key / 4, out var changes))
                {
                    continue;
                }
                var first = next.GetValueOrDefault(key / 4);
                var match = Array.FindIndex(changes, first, change => change.Key == key);
                for (var covered = first; match >= 0 && covered <= match; covered++)
                {
                    if (covered < match && Stopwatch.GetElapsedTime(changes[covered].At, changes[match].At) > SupersedingWindow)
                    {
                        continue;
                    }
                    latencies.Add(Stopwatch.GetElapsedTime(changes[covered].At, at).TotalMilliseconds);
                    delivered++;
                    superseded += covered < match ? 1 : 0;
                }
                next[key / 4] = match >= 0 ? match + 1 : first;
            }
        }
        latencies.Sort();
        var missed = (long)viewerCount * sent.Count - delivered;
        var wrongPictures = viewers.Count(viewer => !viewer.Picture.AsSpan().SequenceEqual(truth));
        var failedViewers = viewers.Count(viewer => viewer.Failure is not null);
        return string.Create(CultureInfo.InvariantCulture,
            $"fan-out: {viewerCount:N0} viewers · change to every viewer p50 {Percentile(latencies, 0.50):F0} ms p99 {Percentile(latencies, 0.99):F0} ms max {latencies.LastOrDefault():F0} ms · " +
            $"{sent.Count / elapsed.TotalSeconds:F1} changes/s of {changesPerSecond} · missed {missed} · wrong pictures {wrongPictures} (goal at 10,000: p99 < 1 s, {changesPerSecond}/s, 0 missed)\n" +
            $"    ({sent.Count} holds and releases of one showtime over {elapsed.TotalSeconds:F0} s, {errors} failed requests; {superseded} of {delivered} deliveries superseded within a frame; {viewerCount:N0} SSE streams connected in {connectTime.TotalSeconds:F1} s, {failedViewers} dropped; the viewers run in the load generator, on the same cores)");
    }

    /// <summary>
    /// Holds the next seat, then releases the oldest hold, and so on, each change due at its slot of a
    /// steady rate. A hold is released several changes after it was made (at most 7 held, within the
    /// per-person cap), so a seat's two changes seldom share the API's frame.
    /// </summary>
    private async Task<(List<(int Key, long At)> Sent, int Errors, TimeSpan Elapsed)> DriveAsync(string showtime, int changesPerSecond, TimeSpan duration)
    {
        const int Outstanding = 6;
        var customer = api.NewClient(tokens.Mint("customer"));
        var sent = new List<(int Key, long At)>();
        var holds = new Queue<(int Seat, Guid HoldId)>();
        var errors = 0;
        var nextSeat = 0;
        var interval = TimeSpan.FromSeconds(1.0 / changesPerSecond);
        var started = Stopwatch.GetTimestamp();
        for (var change = 0; Stopwatch.GetElapsedTime(started) < duration; change++)
        {
            var due = interval * change - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }
            var at = Stopwatch.GetTimestamp();
            try
            {
                if (holds.Count < Outstanding || change % 2 == 0)
                {
                    var seat = nextSeat++ % Seats;
                    var hold = await Venue.ReadAsync(await customer.PostAsJsonAsync($"{showtime}/holds", new { seats = new[] { Venue.Seat(seat) } }));
                    holds.Enqueue((seat, hold.GetProperty("holdId").GetGuid()));
                    sent.Add((Viewer.Key(seat, Viewer.Held), at));
                }
                else
                {
                    var (seat, holdId) = holds.Dequeue();
                    using var released = await customer.DeleteAsync($"{showtime}/holds/{holdId}");
                    released.EnsureSuccessStatusCode();
                    sent.Add((Viewer.Key(seat, Viewer.Free), at));
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
            {
                errors++;
            }
        }
        return (sent, errors, Stopwatch.GetElapsedTime(started));
    }

    private static double Percentile(List<double> sorted, double quantile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];

    /// <summary>One browser's stream: the picture it would draw, and when each seat change reached it.</summary>
    private sealed class Viewer
    {
        public const byte Free = 0;
        public const byte Held = 1;
        private const byte Other = 2;

        private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Connected => _connected.Task;
        public byte[] Picture { get; } = new byte[Seats];
        public List<(int Key, long At)> Arrivals { get; } = new(capacity: 1024);
        public long Version { get; private set; }
        public Exception? Failure { get; private set; }

        public static int Key(int seat, byte status) => seat * 4 + status;

        public static int SeatIndex(string label) => (label[0] - 'A') * Venue.SeatsPerRow + int.Parse(label.AsSpan(1), CultureInfo.InvariantCulture) - 1;

        public static byte StatusCode(string status) => status switch { "available" => Free, "held" => Held, _ => Other };

        public async Task WatchAsync(HttpClient client, string url, SemaphoreSlim connecting, CancellationToken stop)
        {
            try
            {
                Stream stream;
                await connecting.WaitAsync(stop);
                try
                {
                    var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, stop);
                    response.EnsureSuccessStatusCode();
                    stream = await response.Content.ReadAsStreamAsync(stop);
                }
                finally
                {
                    connecting.Release();
                }
                await using (stream)
                {
                    await foreach (var item in SseParser.Create(stream, (type, data) => (Type: type, Event: Parse(data))).EnumerateAsync(stop))
                    {
                        Apply(item.Data.Event, isChange: item.Data.Type == "seats");
                        if (item.Data.Type == "snapshot")
                        {
                            _connected.TrySetResult();
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException)
            {
                Failure = ex;
            }
            finally
            {
                _connected.TrySetResult();
            }
        }

        private void Apply((long Version, List<(int Seat, byte Status)> Seats) change, bool isChange)
        {
            var at = Stopwatch.GetTimestamp();
            Version = change.Version;
            foreach (var (seat, status) in change.Seats)
            {
                Picture[seat] = status;
                if (isChange)
                {
                    Arrivals.Add((Key(seat, status), at));
                }
            }
        }

        /// <summary>
        /// The version and each seat's label and status, read straight off the bytes: the viewers share
        /// the cores with the API, so what they spend parsing is taken from what is measured.
        /// </summary>
        private static (long Version, List<(int Seat, byte Status)> Seats) Parse(ReadOnlySpan<byte> json)
        {
            var reader = new Utf8JsonReader(json);
            var version = 0L;
            var seats = new List<(int, byte)>();
            var (seat, status) = (-1, Other);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("version"u8))
                {
                    reader.Read();
                    version = reader.GetInt64();
                }
                else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 3 && reader.ValueTextEquals("seat"u8))
                {
                    reader.Read();
                    seat = SeatIndex(reader.GetString()!);
                }
                else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 3 && reader.ValueTextEquals("status"u8))
                {
                    reader.Read();
                    status = reader.ValueTextEquals("available"u8) ? Free : reader.ValueTextEquals("held"u8) ? Held : Other;
                }
                else if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 2)
                {
                    seats.Add((seat, status));
                    (seat, status) = (-1, Other);
                }
            }
            return (version, seats);
        }
    }
}
