using System.ComponentModel.DataAnnotations;
using Marquee.Api.Contracts.Common;
using Marquee.Cinema;
using Marquee.Orders;

namespace Marquee.Api.Contracts.Orders;

public sealed record TicketLine(
    [property: Required, RegularExpression("^[A-Za-z]{1,2}[0-9]{1,3}$")] string Seat,
    [property: Required, AllowedValues("full", "half")] string Type);

public sealed record ItemLine([property: Required, Range(1, int.MaxValue)] int? ProductId, [property: Required, Range(1, 20)] int? Quantity);

/// <summary>
/// Tickets (with the showtime and the hold they come from), concessions, or both. Prices, amounts and
/// statuses are the server's; fields like those in a request are ignored.
/// </summary>
[RequireAnyOf(nameof(Tickets), nameof(Items))]
[RequiredTogether(nameof(ShowtimeId), nameof(HoldId), nameof(Tickets))]
public sealed record CreateOrderRequest(
    Guid? ShowtimeId,
    Guid? HoldId,
    [property: MaxLength(10), NoNullItems] IReadOnlyList<TicketLine>? Tickets,
    [property: MaxLength(20), NoNullItems] IReadOnlyList<ItemLine>? Items)
{
    public OrderRequest ToRequest() => new(
        ShowtimeId, HoldId,
        (Tickets ?? []).Select(ticket => new TicketRequest(ticket.Seat, ticket.Type == "half" ? TicketType.Half : TicketType.Full)).ToList(),
        (Items ?? []).Select(item => new ItemRequest(item.ProductId!.Value, item.Quantity!.Value)).ToList());
}

public sealed record OrderItemResponse(int ProductId, string Name, int Quantity, long UnitPriceCents);

public sealed record OrderTicketResponse(string Seat, string SeatKind, string Type, long PriceCents, string? Code);

public sealed record OrderResponse(
    Guid Id, string Status, long AmountCents, string Currency, IReadOnlyList<OrderItemResponse> Items, IReadOnlyList<OrderTicketResponse> Tickets,
    Guid? ShowtimeId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? Failure, bool DeadLettered)
{
    public static OrderResponse From(OrderInfo order) => new(
        order.Id, order.Status.ToString(), order.AmountCents, "BRL",
        order.Items.Select(item => new OrderItemResponse(item.ProductId, item.Name, item.Quantity, item.UnitPriceCents)).ToList(),
        order.Tickets.Select(ticket => new OrderTicketResponse(ticket.Seat, ticket.SeatKind.ToString().ToLowerInvariant(),
            ticket.Type.ToString().ToLowerInvariant(), ticket.PriceCents, ticket.Code)).ToList(),
        order.ShowtimeId, order.CreatedAt, order.UpdatedAt, order.Failure, order.DeadLettered);
}
