using Marquee.Api.Live;
using Marquee.Cinema;
using Microsoft.Extensions.Time.Testing;

namespace Marquee.Api.Tests.Cinema;

/// <summary>The pacing of live seat-map changes, on a fake clock.</summary>
public sealed class ChangeFramesTests : IDisposable
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(200);
    private static readonly Guid Showtime = Guid.NewGuid();

    private readonly FakeTimeProvider _clock = new();
    private readonly List<SeatMapChanged> _sent = [];
    private readonly ChangeFrames _frames;

    public ChangeFramesTests() => _frames = new ChangeFrames(() => Frame, _clock, _sent.Add, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

    [Fact]
    public void AChangeAfterAQuietFrameGoesOutAtOnce()
    {
        _frames.Add(Change(1, ("A1", SeatStatus.Held)));
        Assert.Equal(1, Assert.Single(_sent).Version);

        _clock.Advance(Frame);
        _frames.Add(Change(2, ("A1", SeatStatus.Available)));
        Assert.Equal([1L, 2L], _sent.Select(change => change.Version));
    }

    [Fact]
    public void ChangesWithinAFrameGoOutTogetherAtItsEndWithEachSeatsLatestStatusAndTheNewestVersion()
    {
        _frames.Add(Change(1, ("A1", SeatStatus.Held)));
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        _frames.Add(Change(2, ("A2", SeatStatus.Held)));
        _frames.Add(Change(3, ("A3", SeatStatus.Held), ("A4", SeatStatus.Held)));
        _frames.Add(Change(4, ("A2", SeatStatus.Available)));
        Assert.Single(_sent);

        _clock.Advance(TimeSpan.FromMilliseconds(149));
        Assert.Single(_sent);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, _sent.Count);
        var merged = _sent[1];
        Assert.Equal(4, merged.Version);
        Assert.Equal(
            [("A2", SeatStatus.Available), ("A3", SeatStatus.Held), ("A4", SeatStatus.Held)],
            merged.Seats.Select(seat => (seat.Seat, seat.Status)).Order());

        // Nothing more was pending, so nothing more goes out.
        _clock.Advance(Frame * 3);
        Assert.Equal(2, _sent.Count);
    }

    [Fact]
    public void TheCloseOfSalesGoesOutEvenWithNoSeatChanging()
    {
        _frames.Add(Change(1, ("A1", SeatStatus.Held)));
        _frames.Add(Change(2) with { SalesOpen = false });
        _clock.Advance(Frame);
        Assert.False(_sent[^1].SalesOpen);
        Assert.Equal(2, _sent[^1].Version);
    }

    [Fact]
    public void AChangeNoNewerThanOneAlreadyTakenIsIgnored()
    {
        _frames.Add(Change(5, ("A1", SeatStatus.Held)));
        _clock.Advance(Frame);
        _frames.Add(Change(4, ("A2", SeatStatus.Held)));
        _frames.Add(Change(5, ("A3", SeatStatus.Held)));
        _clock.Advance(Frame);
        Assert.Equal(5, Assert.Single(_sent).Version);
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2_000, 100)]
    [InlineData(5_000, 250)]
    [InlineData(10_000, 500)]
    [InlineData(50_000, 500)]
    public void TheFrameGrowsWithTheAudienceBetweenATenthAndHalfASecond(int viewers, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), SeatMapBroadcaster.Frame(viewers));

    private static SeatMapChanged Change(long version, params (string Seat, SeatStatus Status)[] seats) =>
        new(Showtime, version, seats.Select(seat => new SeatView(seat.Seat, "A", int.Parse(seat.Seat[1..]), SeatKind.Standard, seat.Status, 1)).ToList());

    public void Dispose() => _frames.Dispose();
}
