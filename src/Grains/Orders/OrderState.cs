using Marquee.Cinema;

namespace Marquee.Orders;

/// <summary>How far processing got; each step is persisted before the next begins.</summary>
public enum OrderStep
{
    Created = 0,
    StockReserved = 1,
    Charged = 2,
    Settled = 3,
}

[GenerateSerializer, Alias("Marquee.Orders.OrderState")]
public sealed class OrderState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public Guid UserId { get; set; }
    [Id(2)] public string Fingerprint { get; set; } = "";
    [Id(3)] public OrderStatus Status { get; set; }
    [Id(4)] public OrderStep Step { get; set; }
    [Id(5)] public long AmountCents { get; set; }
    [Id(6)] public List<OrderItem> Items { get; set; } = [];
    [Id(7)] public List<OrderTicket> Tickets { get; set; } = [];
    [Id(8)] public Guid? ShowtimeId { get; set; }
    [Id(9)] public Guid? HoldId { get; set; }
    [Id(10)] public int? MovieId { get; set; }
    [Id(11)] public DateTimeOffset CreatedAt { get; set; }
    [Id(12)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(13)] public PaymentOutcome? Payment { get; set; }
    [Id(14)] public string? Failure { get; set; }
    [Id(15)] public bool DeadLettered { get; set; }
    /// <summary>The final status whose mail went out; mail is at least once, after the status is durable.</summary>
    [Id(16)] public OrderStatus? MailedFor { get; set; }
    /// <summary>The <see cref="UpdatedAt"/> the orders read model last received; behind it, processing re-sends it.</summary>
    [Id(17)] public DateTimeOffset? IndexedAt { get; set; }
}
