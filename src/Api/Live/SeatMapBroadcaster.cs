using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Marquee.Cinema;
using Orleans.Streams;

namespace Marquee.Api.Live;

/// <summary>
/// Fans seat-map changes out to this instance's live viewers: one Orleans stream subscription per
/// showtime however many browsers watch it, dropped when the last one leaves.
/// </summary>
public sealed class SeatMapBroadcaster : IDisposable
{
    private readonly IClusterClient _cluster;
    private readonly Meter _meter;
    private int _viewers;

    public SeatMapBroadcaster(IClusterClient cluster, IMeterFactory meters)
    {
        _cluster = cluster;
        // Viewers are connected to API instances, so they are counted here, on the API's /metrics.
        _meter = meters.Create(Marquee.ServiceDefaults.Telemetry.MeterName);
        _meter.CreateObservableUpDownCounter("marquee.seatmap.viewers", () => Volatile.Read(ref _viewers),
            unit: "{viewer}", description: "Browsers watching a seat map live (Server-Sent Events) on this API instance.");
    }

    // A viewer that falls this far behind loses the oldest changes; the versions let it notice and re-read.
    private const int ViewerBacklog = 256;

    private readonly Dictionary<Guid, Feed> _feeds = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<Viewer> JoinAsync(Guid showtimeId)
    {
        var channel = Channel.CreateBounded<SeatMapChanged>(new BoundedChannelOptions(ViewerBacklog) { FullMode = BoundedChannelFullMode.DropOldest });
        await _gate.WaitAsync();
        try
        {
            if (!_feeds.TryGetValue(showtimeId, out var feed))
            {
                feed = new Feed();
                var stream = _cluster.GetStreamProvider(StreamNames.Live)
                    .GetStream<SeatMapChanged>(StreamId.Create(SeatMapStream.Namespace, showtimeId));
                feed.Handle = await stream.SubscribeAsync((change, _) =>
                {
                    feed.Broadcast(change);
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

    private async Task LeaveAsync(Guid showtimeId, ChannelWriter<SeatMapChanged> writer)
    {
        Interlocked.Decrement(ref _viewers);
        await _gate.WaitAsync();
        try
        {
            if (_feeds.TryGetValue(showtimeId, out var feed) && feed.Remove(writer) == 0)
            {
                _feeds.Remove(showtimeId);
                await feed.Handle!.UnsubscribeAsync();
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

    private sealed class Feed
    {
        private readonly List<ChannelWriter<SeatMapChanged>> _viewers = [];

        public StreamSubscriptionHandle<SeatMapChanged>? Handle { get; set; }

        public void Add(ChannelWriter<SeatMapChanged> viewer)
        {
            lock (_viewers) _viewers.Add(viewer);
        }

        public int Remove(ChannelWriter<SeatMapChanged> viewer)
        {
            lock (_viewers)
            {
                _viewers.Remove(viewer);
                return _viewers.Count;
            }
        }

        public void Broadcast(SeatMapChanged change)
        {
            lock (_viewers)
            {
                foreach (var viewer in _viewers) viewer.TryWrite(change);
            }
        }
    }

    /// <summary>One live viewer's queue of changes; disposing it leaves the feed.</summary>
    public sealed class Viewer(SeatMapBroadcaster owner, Guid showtimeId, Channel<SeatMapChanged> channel) : IAsyncDisposable
    {
        public ChannelReader<SeatMapChanged> Changes => channel.Reader;

        public async ValueTask DisposeAsync()
        {
            channel.Writer.TryComplete();
            await owner.LeaveAsync(showtimeId, channel.Writer);
        }
    }
}
