using System.Threading.Channels;
using Marquee.Cinema;
using Marquee.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Streams;
using Orleans.TestingHost;

namespace Marquee.Grains.Tests.Cinema;

/// <summary>
/// A cluster whose clock the tests move forward (a <see cref="ShiftedClock"/>: Orleans' own timers keep
/// real time, the domain's deadlines are reached at once), sweeping every second, with a client that
/// watches the live stream as viewers do.
/// </summary>
public sealed class ShiftedClockClusterFixture : ClusterFixture
{
    public static readonly ShiftedClock Clock = new();

    public static readonly TimeSpan Sweep = TimeSpan.FromSeconds(1);

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Cinema:ExpirySweepInterval"] = "00:00:01",
    };

    protected override void Configure(TestClusterBuilder builder)
    {
        builder.AddSiloBuilderConfigurator<ClockConfigurator>();
        builder.AddClientBuilderConfigurator<LiveStreamClient>();
    }

    private sealed class ClockConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
    }

    private sealed class LiveStreamClient : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddMemoryStreams(StreamNames.Live);
    }
}

[CollectionDefinition(Name)]
public sealed class ShiftedClockCollection : ICollectionFixture<ShiftedClockClusterFixture>
{
    public const string Name = "shifted-clock";
}

/// <summary>
/// Time changes a seat map too (holds run out, sales close) and those are changes like any other:
/// written, then pushed to viewers, whoever notices them first. A read only reads.
/// </summary>
[Collection(ShiftedClockCollection.Name)]
public sealed class TimeDrivenSeatMapTests(ShiftedClockClusterFixture fixture)
{
    // One sweep, with room for a busy two-core machine; without the sweep the change would never come.
    private static readonly TimeSpan Deadline = ShiftedClockClusterFixture.Sweep + TimeSpan.FromSeconds(5);

    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    private static ShiftedClock Clock => ShiftedClockClusterFixture.Clock;

    [Fact]
    public async Task AnExpiryIsWrittenAndPushedWithinTheSweepWhoeverSeesItFirst()
    {
        var showtime = Guid.NewGuid();
        var seats = Grains.GetGrain<IShowtimeSeatsGrain>(showtime);
        await seats.ConfigureAsync(Layouts.Standard());
        await using var viewer = await ViewerAsync(showtime);
        var hold = await seats.HoldSeatsAsync(Guid.NewGuid(), ["F7"]);
        var held = await seats.GetSeatMapAsync();
        using var expiredHolds = new CounterWatch("marquee.holds.expired", fixture.Cluster);

        Clock.Advance(hold.ExpiresAt - Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        var read = await seats.GetSeatMapAsync();

        // Reading changed nothing: the map it shows is either the one before, or one the sweep already made.
        var expiry = await viewer.NextAsync(change => change.Seats.Any(seat => seat.Seat == "F7" && seat.Status == SeatStatus.Available));
        Assert.True(read.Version == held.Version || read.Version == expiry.Version, $"a read showed version {read.Version}, which no change made");
        Assert.True(expiry.Version > held.Version);
        Assert.True(expiredHolds.Total >= 1, "the expiry was not counted on the marquee.holds.expired metric");
        // It was written: a fresh activation, from storage, shows the same map at the same version.
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var reloaded = await seats.GetSeatMapAsync();
        Assert.Equal(expiry.Version, reloaded.Version);
        Assert.Equal(SeatStatus.Available, reloaded.Seats.Single(seat => seat.Seat == "F7").Status);
    }

    [Fact]
    public async Task SalesCloseAfterTheStartAndNoHoldOutlivesThem()
    {
        var showtime = Guid.NewGuid();
        var seats = Grains.GetGrain<IShowtimeSeatsGrain>(showtime);
        // Showtimes start on the minute; the journal keeps instants to the microsecond, as PostgreSQL does.
        var now = Clock.GetUtcNow();
        var startsAt = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-10);
        await seats.ConfigureAsync(Layouts.Standard() with { StartsAt = startsAt });
        await using var viewer = await ViewerAsync(showtime);

        // Sales close 15 minutes after the start: a 10-minute hold taken now ends with them.
        var buyer = Guid.NewGuid();
        var hold = await seats.HoldSeatsAsync(buyer, ["A5", "A6"]);
        Assert.Equal(startsAt.AddMinutes(15), hold.ExpiresAt);

        Clock.Advance(TimeSpan.FromMinutes(6));

        var closed = await viewer.NextAsync(change => !change.SalesOpen);
        var released = closed.Seats.Where(seat => seat.Seat is "A5" or "A6").ToList();
        Assert.Equal(2, released.Count);
        Assert.All(released, seat => Assert.Equal(SeatStatus.Available, seat.Status));
        await Assert.ThrowsAsync<SalesClosedException>(() => seats.HoldSeatsAsync(Guid.NewGuid(), ["B5"]));
        await Assert.ThrowsAsync<SalesClosedException>(() => seats.HoldBestAvailableAsync(Guid.NewGuid(), 2, SeatKind.Standard));
        // An order placed now finds no hold to take.
        await Assert.ThrowsAsync<SalesClosedException>(() => seats.AttachHoldAsync(buyer, hold.HoldId, Guid.NewGuid(), ["A5", "A6"]));
        var map = await seats.GetSeatMapAsync();
        Assert.False(map.SalesOpen);
        Assert.DoesNotContain(map.Seats, seat => seat.Status == SeatStatus.Held);
        await WaitUntilInactiveAsync(seats.GetGrainId());
    }

    [Fact]
    public async Task AnOrderMayBeChargedOnlyWhileItsHoldLives()
    {
        var seats = Grains.GetGrain<IShowtimeSeatsGrain>(Guid.NewGuid());
        await seats.ConfigureAsync(Layouts.Standard());
        var buyer = Guid.NewGuid();
        var (order, stranger) = (Guid.NewGuid(), Guid.NewGuid());
        var hold = await seats.HoldSeatsAsync(buyer, ["C3"]);
        Assert.False(await seats.IsHeldForOrderAsync(hold.HoldId, order));   // not taken by the order yet

        await seats.AttachHoldAsync(buyer, hold.HoldId, order, ["C3"]);

        Assert.True(await seats.IsHeldForOrderAsync(hold.HoldId, order));
        Assert.False(await seats.IsHeldForOrderAsync(hold.HoldId, stranger));
        // Past the order's hold, swept yet or not, the seats are no longer the order's to pay for.
        Clock.Advance(TimeSpan.FromHours(3));
        Assert.False(await seats.IsHeldForOrderAsync(hold.HoldId, order));
    }

    [Fact]
    public async Task ASoldOrderStillOwnsItsSeats()
    {
        var seats = Grains.GetGrain<IShowtimeSeatsGrain>(Guid.NewGuid());
        await seats.ConfigureAsync(Layouts.Standard());
        var (buyer, order) = (Guid.NewGuid(), Guid.NewGuid());
        var hold = await seats.HoldSeatsAsync(buyer, ["D4"]);
        await seats.AttachHoldAsync(buyer, hold.HoldId, order, ["D4"]);
        await seats.ConfirmHoldAsync(buyer, hold.HoldId, order);

        Assert.True(await seats.IsHeldForOrderAsync(hold.HoldId, order));
    }

    private async Task WaitUntilInactiveAsync(GrainId grain)
    {
        var management = Grains.GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow + Deadline;
        while ((await management.GetDetailedGrainStatistics()).Any(statistic => statistic.GrainId == grain))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the closed seat map {grain} still holds its memory");
            await Task.Delay(20);
        }
    }

    private async Task<Viewer> ViewerAsync(Guid showtime)
    {
        var changes = Channel.CreateUnbounded<SeatMapChanged>();
        var stream = fixture.Cluster.Client.GetStreamProvider(StreamNames.Live)
            .GetStream<SeatMapChanged>(StreamId.Create(SeatMapStream.Namespace, showtime));
        var subscription = await stream.SubscribeAsync((change, _) => changes.Writer.WriteAsync(change).AsTask());
        return new Viewer(subscription, changes.Reader);
    }

    /// <summary>
    /// Sums what this cluster's silos add to one of the Marquee meter's counters while it is alive. Other
    /// clusters in the process (test classes running alongside) have meters of their own factories.
    /// </summary>
    private sealed class CounterWatch : IDisposable
    {
        private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
        private long _total;

        public CounterWatch(string instrument, TestCluster cluster)
        {
            var factories = cluster.Silos.Cast<InProcessSiloHandle>()
                .Select(silo => (object)silo.SiloHost.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>())
                .ToHashSet(ReferenceEqualityComparer.Instance);
            _listener.InstrumentPublished = (published, listener) =>
            {
                if (published.Meter.Name == "Marquee" && published.Name == instrument && published.Meter.Scope is { } scope && factories.Contains(scope))
                {
                    listener.EnableMeasurementEvents(published);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>A live viewer of one seat map, as the API's SSE stream is.</summary>
    private sealed class Viewer(StreamSubscriptionHandle<SeatMapChanged> subscription, ChannelReader<SeatMapChanged> changes) : IAsyncDisposable
    {
        /// <summary>The first change that matches, within the sweep interval plus a second.</summary>
        public async Task<SeatMapChanged> NextAsync(Func<SeatMapChanged, bool> matches)
        {
            using var timeout = new CancellationTokenSource(Deadline);
            try
            {
                while (true)
                {
                    var change = await changes.ReadAsync(timeout.Token);
                    if (matches(change)) return change;
                }
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"no such change reached the viewer within {Deadline}");
            }
        }

        public async ValueTask DisposeAsync() => await subscription.UnsubscribeAsync();
    }
}
