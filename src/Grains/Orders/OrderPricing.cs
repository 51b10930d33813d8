using Marquee.Cinema;
using Marquee.Common;
using Marquee.Concessions;

namespace Marquee.Orders;

/// <summary>What an order request costs, priced on the server from the menu and the showtime's prices.</summary>
public sealed record PricedOrder(List<OrderItem> Items, List<OrderTicket> Tickets, Guid? ShowtimeId, Guid? HoldId, int? MovieId)
{
    public long AmountCents => Items.Sum(item => item.UnitPriceCents * item.Quantity) + Tickets.Sum(ticket => ticket.PriceCents);
}

/// <summary>
/// Turns a request into priced lines. Whatever the client claims about prices is never read; tickets
/// are priced only for seats the caller's hold really has, which attaching the hold to the order proves.
/// </summary>
public sealed class OrderPricing(StockLedger stock, IGrainFactory grains)
{
    private const int MaxLines = 20;
    private const int MaxQuantity = 20;

    public async Task<PricedOrder> PriceAsync(Guid orderId, Guid userId, OrderRequest request)
    {
        var items = await PriceItemsAsync(request.Items);
        if (request.Tickets.Count == 0)
        {
            if (request.Items.Count == 0)
            {
                throw new InvalidInputException("items", "An order has tickets, concessions, or both.");
            }
            // A showtime or hold named without tickets would be silently dropped: refuse rather than ignore it.
            if (request.ShowtimeId is not null || request.HoldId is not null)
            {
                throw new InvalidInputException("tickets", "Give a ticket for each held seat, or leave showtimeId and holdId out of a concessions-only order.");
            }
            return new PricedOrder(items, [], null, null, null);
        }
        if (request.ShowtimeId is not { } showtimeId || request.HoldId is not { } holdId)
        {
            throw new InvalidInputException("holdId", "Tickets need the showtime and the hold they come from.");
        }
        var (tickets, movieId) = await PriceTicketsAsync(orderId, userId, showtimeId, holdId, request.Tickets);
        return new PricedOrder(items, tickets, showtimeId, holdId, movieId);
    }

    private async Task<List<OrderItem>> PriceItemsAsync(IReadOnlyList<ItemRequest> requested)
    {
        if (requested.Count > MaxLines || requested.Any(item => item.Quantity is < 1 or > MaxQuantity)
            || requested.Select(item => item.ProductId).Distinct().Count() != requested.Count)
        {
            throw new InvalidInputException("items", $"Up to {MaxLines} distinct products, 1 to {MaxQuantity} of each.");
        }
        var prices = await stock.PricesAsync(requested.Select(item => item.ProductId));
        return requested.Select(item => prices.TryGetValue(item.ProductId, out var product)
            ? new OrderItem(item.ProductId, product.Name, item.Quantity, product.PriceCents)
            : throw new InvalidInputException("items", $"Product {item.ProductId} is not on sale.")).ToList();
    }

    /// <summary>One ticket per seat of the caller's hold, each priced by the seat's kind and the ticket type.</summary>
    private async Task<(List<OrderTicket> Tickets, int MovieId)> PriceTicketsAsync(
        Guid orderId, Guid userId, Guid showtimeId, Guid holdId, IReadOnlyList<TicketRequest> requestedTickets)
    {
        var showtime = await grains.GetGrain<IShowtimesGrain>(0).GetAsync(showtimeId);
        var requested = requestedTickets.Select(ticket => (Seat: ticket.Seat.Trim().ToUpperInvariant(), ticket.Type)).ToList();
        if (requested.Select(ticket => ticket.Seat).Distinct().Count() != requested.Count)
        {
            throw new InvalidInputException("tickets", "One ticket per seat.");
        }
        var seats = await grains.GetGrain<IShowtimeSeatsGrain>(showtimeId)
            .AttachHoldAsync(userId, holdId, orderId, requested.Select(ticket => ticket.Seat).ToList());
        var held = seats.ToDictionary(seat => seat.Label, StringComparer.Ordinal);
        var tickets = requested.Select(ticket =>
        {
            var seat = held[ticket.Seat];
            var price = showtime.PriceOf(seat.Kind) ?? throw new InvalidInputException("tickets", $"Seat {seat.Label} is not for sale.");
            return new OrderTicket(seat.Label, seat.Kind, ticket.Type, price.For(ticket.Type), Code: null);
        }).ToList();
        return (tickets, showtime.MovieId);
    }
}
