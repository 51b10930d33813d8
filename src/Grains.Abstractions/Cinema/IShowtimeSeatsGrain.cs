namespace Marquee.Cinema;

/// <summary>
/// The seat map of one showtime, and the only place its seats change: every hold, release and sale
/// for the showtime is serialized here. Answers to changes come only after they are durable.
/// Keyed by the showtime id.
/// </summary>
[Alias("Marquee.Cinema.IShowtimeSeatsGrain")]
public interface IShowtimeSeatsGrain : IGrainWithGuidKey
{
    /// <summary>Sets the layout once; repeating the same setup is a no-op, a different one a conflict once seats moved.</summary>
    [Alias("Configure")]
    Task ConfigureAsync(SeatMapSetup setup);

    /// <summary>The current map; <see cref="Marquee.Common.NotFoundException"/> when the showtime has no layout.</summary>
    [Alias("GetSeatMap")]
    Task<SeatMapSnapshot> GetSeatMapAsync();

    /// <summary>The map only when its version differs from <paramref name="knownVersion"/>, so cached copies cost no transfer.</summary>
    [Alias("GetSeatMapIfChanged")]
    Task<SeatMapSnapshot?> GetSeatMapIfChangedAsync(long knownVersion);

    /// <summary>
    /// What happened to one seat, oldest first: the latest <c>500</c> events of its journal, as durable.
    /// <see cref="Marquee.Common.NotFoundException"/> when the showtime has no layout or no such seat.
    /// </summary>
    [Alias("GetSeatHistory")]
    Task<IReadOnlyList<SeatHistoryEntry>> GetSeatHistoryAsync(string seat);

    /// <summary>Holds exactly these seats for the user, all or nothing.</summary>
    [Alias("HoldSeats")]
    Task<HoldConfirmation> HoldSeatsAsync(Guid userId, IReadOnlyList<string> seats);

    /// <summary>Holds the best <paramref name="quantity"/> adjacent seats of a kind in one row.</summary>
    [Alias("HoldBestAvailable")]
    Task<HoldConfirmation> HoldBestAvailableAsync(Guid userId, int quantity, SeatKind kind);

    /// <summary>Gives a hold's seats back; only its owner may. Releasing a gone hold is a no-op.</summary>
    [Alias("ReleaseHold")]
    Task ReleaseHoldAsync(Guid userId, Guid holdId);

    /// <summary>
    /// Hands the user's live hold to a pending order, which must name exactly its seats: the hold then
    /// lives for the order's processing (<c>Cinema:OrderHoldDuration</c>) and the order learns each
    /// seat's kind. Idempotent for the same order; <see cref="Marquee.Common.ConflictException"/> when
    /// the hold expired, is not the user's, or belongs to another order.
    /// </summary>
    [Alias("AttachHold")]
    Task<IReadOnlyList<SeatDefinition>> AttachHoldAsync(Guid userId, Guid holdId, Guid orderId, IReadOnlyList<string> seats);

    /// <summary>
    /// Whether the order can still buy its seats: its hold is alive and taken by it, or already sold to
    /// it. Asked before the charge, so a customer is not charged for seats time already let go.
    /// </summary>
    [Alias("IsHeldForOrder")]
    Task<bool> IsHeldForOrderAsync(Guid holdId, Guid orderId);

    /// <summary>Sells the user's live hold to an order; repeating it for the same order answers the same seats.</summary>
    [Alias("ConfirmHold")]
    Task<IReadOnlyList<string>> ConfirmHoldAsync(Guid userId, Guid holdId, Guid orderId);

    /// <summary>Puts an order's seats back on sale, sold (refunds) or still held for it (refusals, cancellations); idempotent.</summary>
    [Alias("ReleaseOrder")]
    Task ReleaseOrderAsync(Guid orderId);
}
