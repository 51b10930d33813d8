namespace Marquee.Cinema;

/// <summary>What happened to some seats of a showtime, as its seat journal records it.</summary>
[GenerateSerializer, Alias("Marquee.Cinema.SeatEventKind")]
public enum SeatEventKind
{
    /// <summary>A customer held free seats until the expiry given.</summary>
    Held,

    /// <summary>The customer gave the hold back.</summary>
    Released,

    /// <summary>Time let the hold go: it ran out, or sales closed.</summary>
    Expired,

    /// <summary>A pending order took the hold, which now lives until the expiry given.</summary>
    AttachedToOrder,

    /// <summary>The order was paid: the hold became a sale.</summary>
    Sold,

    /// <summary>The order ended unpaid (refused, cancelled): the hold it took went back on sale.</summary>
    OrderReleased,

    /// <summary>The sale was undone (a refund): its seats went back on sale.</summary>
    Refunded,

    /// <summary>Sales closed; nothing more is held or sold.</summary>
    SalesClosed,
}

/// <summary>
/// One line of a seat's history, for support staff: what happened, when, to whose hold or order.
/// <see cref="Sequence"/> is the seat map's version the event brought.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marquee.Cinema.SeatHistoryEntry")]
public sealed record SeatHistoryEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] SeatEventKind Kind,
    [property: Id(3)] Guid? HoldId,
    [property: Id(4)] Guid? UserId,
    [property: Id(5)] string? UserEmail,
    [property: Id(6)] Guid? OrderId,
    [property: Id(7)] DateTimeOffset? ExpiresAt,
    [property: Id(8)] IReadOnlyList<string> Seats);
