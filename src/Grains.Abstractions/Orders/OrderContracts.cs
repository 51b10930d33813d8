using Marquee.Cinema;
using Marquee.Common;

namespace Marquee.Orders;

public enum OrderStatus
{
    Pending = 0,
    Approved = 1,
    Refused = 2,
    Cancelled = 3,
    Refunded = 4,
    Failed = 5,
}

[GenerateSerializer, Immutable, Alias("Marquee.Orders.TicketRequest")]
public sealed record TicketRequest([property: Id(0)] string Seat, [property: Id(1)] TicketType Type);

[GenerateSerializer, Immutable, Alias("Marquee.Orders.ItemRequest")]
public sealed record ItemRequest([property: Id(0)] int ProductId, [property: Id(1)] int Quantity);

/// <summary>What a customer orders: a hold's seats with a ticket type each, and/or concessions. Prices are never sent.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Orders.OrderRequest")]
public sealed record OrderRequest(
    [property: Id(0)] Guid? ShowtimeId,
    [property: Id(1)] Guid? HoldId,
    [property: Id(2)] IReadOnlyList<TicketRequest> Tickets,
    [property: Id(3)] IReadOnlyList<ItemRequest> Items);

[GenerateSerializer, Immutable, Alias("Marquee.Orders.OrderItem")]
public sealed record OrderItem([property: Id(0)] int ProductId, [property: Id(1)] string Name, [property: Id(2)] int Quantity, [property: Id(3)] long UnitPriceCents);

/// <summary>A ticket; its <see cref="Code"/> exists once the order is approved.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Orders.OrderTicket")]
public sealed record OrderTicket(
    [property: Id(0)] string Seat,
    [property: Id(1)] SeatKind SeatKind,
    [property: Id(2)] TicketType Type,
    [property: Id(3)] long PriceCents,
    [property: Id(4)] string? Code);

[GenerateSerializer, Immutable, Alias("Marquee.Orders.OrderInfo")]
public sealed record OrderInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] OrderStatus Status,
    [property: Id(3)] long AmountCents,
    [property: Id(4)] IReadOnlyList<OrderItem> Items,
    [property: Id(5)] IReadOnlyList<OrderTicket> Tickets,
    [property: Id(6)] Guid? ShowtimeId,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset UpdatedAt,
    [property: Id(9)] string? Failure,
    [property: Id(10)] bool DeadLettered);

/// <summary>The same idempotency key came with a different request body.</summary>
[GenerateSerializer, Alias("Marquee.Orders.IdempotencyMismatchException")]
public sealed class IdempotencyMismatchException()
    : DomainException("This Idempotency-Key was already used for a different order request.");

/// <summary>
/// One order, keyed by an id derived from the user and their idempotency key. Creation answers at
/// once with Pending; processing (stock, payment, seats, tickets, mail) runs off the request path,
/// persisted at every step and resumed by a reminder after a crash.
/// </summary>
[Alias("Marquee.Orders.IOrderGrain")]
public interface IOrderGrain : IGrainWithGuidKey
{
    /// <summary>Creates the order, or returns it when this request was already made; <see cref="IdempotencyMismatchException"/> for another body.</summary>
    [Alias("Create")]
    Task<OrderInfo> CreateAsync(Guid userId, OrderRequest request, string requestFingerprint);

    [Alias("Get")]
    Task<OrderInfo> GetAsync();

    /// <summary>The order as <paramref name="viewer"/> may see it: its owner, staff and admins; anyone else gets <see cref="Marquee.Common.NotFoundException"/>.</summary>
    [Alias("GetFor")]
    Task<OrderInfo> GetForAsync(Viewer viewer);

    /// <summary>Drives the order as far as it can go; idempotent, called after create and by the reminder.</summary>
    [Alias("Process")]
    Task ProcessAsync();

    [Alias("Cancel")]
    Task<OrderInfo> CancelAsync(Guid userId);

    [Alias("Refund")]
    Task<OrderInfo> RefundAsync();

    /// <summary>Sends a dead-lettered order through payment again, with the same idempotency key.</summary>
    [Alias("Retry")]
    Task<OrderInfo> RetryAsync();
}

/// <summary>Listings over the orders read model.</summary>
[Alias("Marquee.Orders.IOrderDirectoryGrain")]
public interface IOrderDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("ListForUser")]
    Task<Page<Guid>> ListForUserAsync(Guid userId, int pageNumber, int pageSize);

    [Alias("ListDeadLetters")]
    Task<Page<Guid>> ListDeadLettersAsync(int pageNumber, int pageSize);
}

/// <summary>Order ids derive from the caller and their Idempotency-Key, so a replay reaches the same order grain.</summary>
public static class OrderIds
{
    public const int MaxKeyLength = 100;

    public static Guid For(Guid userId, string idempotencyKey)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"order:{userId:N}:{idempotencyKey}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>A digest of what was asked, to tell a replay from a different request under the same key.</summary>
    public static string Fingerprint(OrderRequest request)
    {
        var canonical = string.Join("|",
            request.ShowtimeId?.ToString("N") ?? "-", request.HoldId?.ToString("N") ?? "-",
            string.Join(",", request.Tickets.Select(ticket => $"{ticket.Seat.Trim().ToUpperInvariant()}:{ticket.Type}").Order(StringComparer.Ordinal)),
            string.Join(",", request.Items.Select(item => $"{item.ProductId}:{item.Quantity}").Order(StringComparer.Ordinal)));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));
    }
}
