using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading.Channels;
using Marquee.Api.Contracts.Cinema;
using Marquee.Cinema;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace Marquee.Api.Live;

/// <summary>
/// Fans seat-map changes out to this instance's live viewers: one Orleans stream subscription per
/// showtime however many browsers watch it, dropped when the last one leaves. Changes are paced
/// (<see cref="ChangeFrames"/>: at most one write per viewer per <see cref="Frame"/>) and each is
/// turned into its JSON once, the same bytes going to every viewer.
/// </summary>
public sealed class SeatMapBroadcaster : IDisposable
{
    private readonly IClusterClient _cluster;
    private readonly JsonSerializerOptions _json;
    private readonly Meter _meter;
    private int _viewers;

    /// <summary>
    /// How often at most a showtime's viewers are written to: a write to one viewer costs the API tens
    /// of microseconds, so the frame grows with the audience to keep a showtime near 20,000 writes a
    /// second (10,000 viewers: twice a second), between a tenth and half a second. A change after a
    /// quiet frame goes out at once whatever the length.
    /// </summary>
    public static TimeSpan Frame(int viewers) =>
        TimeSpan.FromTicks(Math.Clamp(viewers * TimeSpan.TicksPerSecond / WritesPerSecond, MinFrame.Ticks, MaxFrame.Ticks));

    private const long WritesPerSecond = 20_000;
    private static readonly TimeSpan MinFrame = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxFrame = TimeSpan.FromMilliseconds(500);

    private readonly TimeProvider _clock;

    private readonly ILogger<ChangeFrames> _framesLogger;

    public SeatMapBroadcaster(IClusterClient cluster, IMeterFactory meters, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider clock, ILogger<ChangeFrames> framesLogger)
    {
        _cluster = cluster;
        _clock = clock;
        _framesLogger = framesLogger;
        _json = json.Value.SerializerOptions;
        // Viewers are connected to API instances, so they are counted here, on the API's /metrics.
        _meter = meters.Create(Marquee.ServiceDefaults.Telemetry.MeterName);
        _meter.CreateObservableUpDownCounter("marquee.seatmap.viewers", () => Volatile.Read(ref _viewers),
            unit: "{viewer}", description: "Browsers watching a seat map live (Server-Sent Events) on this API instance.");
    }

    // A viewer this far behind (a stalled connection) loses its oldest changes rather than holding memory for them.
    private const int ViewerBacklog = 256;

    private readonly Dictionary<Guid, Feed> _feeds = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<Viewer> JoinAsync(Guid showtimeId)
    {
        var channel = Channel.CreateBounded<LiveChange>(new BoundedChannelOptions(ViewerBacklog) { FullMode = BoundedChannelFullMode.DropOldest });
        await _gate.WaitAsync();
        try
        {
            if (!_feeds.TryGetValue(showtimeId, out var feed))
            {
                var frames = (feed = new Feed(_clock, Render, _framesLogger)).Frames;
                var stream = _cluster.GetStreamProvider(StreamNames.Live)
                    .GetStream<SeatMapChanged>(StreamId.Create(SeatMapStream.Namespace, showtimeId));
                feed.Handle = await stream.SubscribeAsync((change, _) =>
                {
                    frames.Add(change);
                    return Task.CompletedTask;
                });
                _feeds[showtimeId] = feed;
            }
            feed.Add(channel.Writer);
            Interlocked.Increment(ref _viewers);
        }
        finally
        {
            _gate.Release();
        }
        return new Viewer(this, showtimeId, channel);
    }

    private async Task LeaveAsync(Guid showtimeId, ChannelWriter<LiveChange> writer)
    {
        Interlocked.Decrement(ref _viewers);
        await _gate.WaitAsync();
        try
        {
            if (_feeds.TryGetValue(showtimeId, out var feed) && feed.Remove(writer) == 0)
            {
                _feeds.Remove(showtimeId);
                try
                {
                    await feed.Handle!.UnsubscribeAsync();
                }
                finally
                {
                    feed.Frames.Dispose();
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Dispose();
        _meter.Dispose();
    }

    private LiveChange Render(SeatMapChanged change) =>
        new(change.Version, JsonSerializer.SerializeToUtf8Bytes(SeatChangesResponse.From(change), _json));

    private sealed class Feed
    {
        private readonly List<ChannelWriter<LiveChange>> _viewers = [];

        public Feed(TimeProvider clock, Func<SeatMapChanged, LiveChange> render, ILogger logger) =>
            Frames = new ChangeFrames(() => Frame(Count), clock, change => Broadcast(render(change)), logger);

        private int Count
        {
            get
            {
                lock (_viewers) return _viewers.Count;
            }
        }

        public StreamSubscriptionHandle<SeatMapChanged>? Handle { get; set; }

        public ChangeFrames Frames { get; }

        public void Add(ChannelWriter<LiveChange> viewer)
        {
            lock (_viewers) _viewers.Add(viewer);
        }

        public int Remove(ChannelWriter<LiveChange> viewer)
        {
            lock (_viewers)
            {
                _viewers.Remove(viewer);
                return _viewers.Count;
            }
        }

        public void Broadcast(LiveChange change)
        {
            lock (_viewers)
            {
                foreach (var viewer in _viewers) viewer.TryWrite(change);
            }
        }
    }

    /// <summary>One live viewer's queue of changes; disposing it leaves the feed.</summary>
    public sealed class Viewer(SeatMapBroadcaster owner, Guid showtimeId, Channel<LiveChange> channel) : IAsyncDisposable
    {
        public ChannelReader<LiveChange> Changes => channel.Reader;

        public async ValueTask DisposeAsync()
        {
            channel.Writer.TryComplete();
            await owner.LeaveAsync(showtimeId, channel.Writer);
        }
    }

    /// <summary>A change as its version (to skip what the snapshot already had) and its event's JSON, shared by every viewer.</summary>
    public sealed record LiveChange(long Version, byte[] Json);
}
