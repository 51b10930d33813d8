using Marquee.Common;

namespace Marquee.Cinema;

[GenerateSerializer, Alias("Marquee.Cinema.SeatKind")]
public enum SeatKind
{
    Standard = 0,
    Premium = 1,
    Wheelchair = 2,
    Companion = 3,
    Blocked = 4,
}

[GenerateSerializer, Alias("Marquee.Cinema.SeatStatus")]
public enum SeatStatus
{
    Available = 0,
    Held = 1,
    Sold = 2,
    Blocked = 3,
}

/// <summary>
/// One seat of a layout. <see cref="Column"/> is its physical position in the row: seats are
/// side by side only when their columns are consecutive, so aisles and gaps are skipped columns.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marquee.Cinema.SeatDefinition")]
public sealed record SeatDefinition(
    [property: Id(0)] string Row,
    [property: Id(1)] int Number,
    [property: Id(2)] int Column,
    [property: Id(3)] SeatKind Kind)
{
    public string Label => $"{Row}{Number}";
}

/// <summary>
/// What a showtime's seat map is made from: the auditorium's layout at scheduling time, and when the
/// showtime starts (sales close a while after it; without a start, as for a bare layout, they never do).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marquee.Cinema.SeatMapSetup")]
public sealed record SeatMapSetup(
    [property: Id(0)] IReadOnlyList<string> RowsFrontToBack,
    [property: Id(1)] IReadOnlyList<SeatDefinition> Seats,
    [property: Id(2)] DateTimeOffset? StartsAt = null);

[GenerateSerializer, Immutable, Alias("Marquee.Cinema.SeatView")]
public sealed record SeatView(
    [property: Id(0)] string Seat,
    [property: Id(1)] string Row,
    [property: Id(2)] int Number,
    [property: Id(3)] SeatKind Kind,
    [property: Id(4)] SeatStatus Status,
    [property: Id(5)] int Column);

/// <summary>The public picture of a seat map: never who holds what. <see cref="Version"/> changes with every change.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Cinema.SeatMapSnapshot")]
public sealed record SeatMapSnapshot(
    [property: Id(0)] Guid ShowtimeId,
    [property: Id(1)] long Version,
    [property: Id(2)] int Capacity,
    [property: Id(3)] IReadOnlyList<SeatView> Seats,
    [property: Id(4)] bool SalesOpen = true);

[GenerateSerializer, Immutable, Alias("Marquee.Cinema.HoldConfirmation")]
public sealed record HoldConfirmation(
    [property: Id(0)] Guid HoldId,
    [property: Id(1)] IReadOnlyList<string> Seats,
    [property: Id(2)] DateTimeOffset ExpiresAt);

/// <summary>Seats were taken (or do not exist); the hold was not made, not even in part.</summary>
[GenerateSerializer, Alias("Marquee.Cinema.SeatsUnavailableException")]
public sealed class SeatsUnavailableException(IReadOnlyList<string> seats)
    : DomainException($"Unavailable seat(s): {string.Join(", ", seats)}.")
{
    [Id(0)] public IReadOnlyList<string> Seats { get; } = seats;
}

/// <summary>Sales for the showtime closed (a while after it started): no hold, no new order.</summary>
[GenerateSerializer, Alias("Marquee.Cinema.SalesClosedException")]
public sealed class SalesClosedException(DateTimeOffset closedAt)
    : DomainException($"Sales for this showtime closed at {closedAt:yyyy-MM-dd HH:mm zzz}.")
{
    [Id(0)] public DateTimeOffset ClosedAt { get; } = closedAt;
}

/// <summary>
/// A new showtime would overlap another in the same auditorium (cleaning included); names the one it
/// collides with, so staff can see what is in the way.
/// </summary>
[GenerateSerializer, Alias("Marquee.Cinema.ShowtimeOverlapException")]
public sealed class ShowtimeOverlapException(Guid showtimeId, string movieTitle, DateTimeOffset startsAt, DateTimeOffset endsAt)
    : DomainException($"The auditorium is taken by '{movieTitle}' ({showtimeId}) from {startsAt:yyyy-MM-dd HH:mm zzz} to {endsAt:HH:mm zzz}, cleaning included.")
{
    [Id(0)] public Guid ShowtimeId { get; } = showtimeId;

    [Id(1)] public string MovieTitle { get; } = movieTitle;

    [Id(2)] public DateTimeOffset StartsAt { get; } = startsAt;

    [Id(3)] public DateTimeOffset EndsAt { get; } = endsAt;
}

/// <summary>
/// Published on the live stream after each durable change: the seats whose status changed, and the
/// map version they bring it to. Best effort: a subscriber that misses one re-reads the snapshot.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marquee.Cinema.SeatMapChanged")]
public sealed record SeatMapChanged(
    [property: Id(0)] Guid ShowtimeId,
    [property: Id(1)] long Version,
    [property: Id(2)] IReadOnlyList<SeatView> Seats,
    [property: Id(3)] bool SalesOpen = true);

public static class SeatMapStream
{
    /// <summary>Stream namespace of seat-map changes; the stream key is the showtime id.</summary>
    public const string Namespace = "seatmap";
}
