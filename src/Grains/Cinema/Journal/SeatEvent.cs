namespace Marquee.Cinema.Journal;

/// <summary>
/// One entry of a showtime's seat journal. <see cref="Sequence"/> numbers the showtime's events from 1
/// without gaps, and is the seat map's version once applied. <see cref="Seats"/> names every seat the
/// event touched, so a seat's history is a lookup, not a replay.
/// </summary>
public sealed record SeatEvent(
    long Sequence,
    DateTimeOffset At,
    SeatEventKind Kind,
    Guid? HoldId,
    Guid? UserId,
    Guid? OrderId,
    IReadOnlyList<string> Seats,
    DateTimeOffset? ExpiresAt = null);

/// <summary>A layout, written once when the showtime's seat map is set up.</summary>
public sealed record SeatLayout(IReadOnlyList<string> RowsFrontToBack, IReadOnlyList<SeatDefinition> Seats, DateTimeOffset? StartsAt)
{
    public static readonly SeatLayout None = new([], [], null);
}

/// <summary>Everything an event changes, as of <see cref="Sequence"/>: a replay may start here instead of at the first event.</summary>
public sealed record SeatBookSnapshot(
    long Sequence,
    Dictionary<Guid, State.HoldRecord> Holds,
    Dictionary<Guid, State.SaleRecord> Sales,
    bool SalesClosed);
