namespace Marquee.Orders;

/// <summary>
/// How an order's status is spelled in SQL (the <c>orders.status</c> column): one mapping for every
/// query that writes or filters on it, so renaming the enum can never silently break a query.
/// </summary>
public static class OrderStatusColumn
{
    public const string Pending = "Pending";
    public const string Approved = "Approved";
    public const string Refused = "Refused";
    public const string Cancelled = "Cancelled";
    public const string Refunded = "Refunded";
    public const string Failed = "Failed";

    public static string Of(OrderStatus status) => status switch
    {
        OrderStatus.Pending => Pending,
        OrderStatus.Approved => Approved,
        OrderStatus.Refused => Refused,
        OrderStatus.Cancelled => Cancelled,
        OrderStatus.Refunded => Refunded,
        OrderStatus.Failed => Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "An order status without a column spelling."),
    };

    public static OrderStatus Parse(string column) => column switch
    {
        Pending => OrderStatus.Pending,
        Approved => OrderStatus.Approved,
        Refused => OrderStatus.Refused,
        Cancelled => OrderStatus.Cancelled,
        Refunded => OrderStatus.Refunded,
        Failed => OrderStatus.Failed,
        _ => throw new FormatException($"'{column}' is not an order status."),
    };
}
