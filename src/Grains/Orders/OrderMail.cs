using System.Globalization;
using System.Net;
using System.Text;
using Marquee.Notifications;

namespace Marquee.Orders;

/// <summary>The order mails' wording, in text and HTML.</summary>
internal static class OrderMail
{
    public static MailMessage? For(OrderInfo order, string email, string name) => order.Status switch
    {
        OrderStatus.Approved => Build(email, name, "Your Marquee order is confirmed",
            "Your order is confirmed. Show these codes at the entrance:", order, withCodes: true),
        OrderStatus.Refused => Build(email, name, "Your Marquee order was not approved",
            $"Your payment was not approved, so nothing was charged and your seats were released.{Reason(order)}", order, withCodes: false),
        OrderStatus.Refunded => Build(email, name, "Your Marquee order was refunded",
            "Your order was refunded; its seats are back on sale and the amount returns to your payment method.", order, withCodes: false),
        _ => null,
    };

    private static string Reason(OrderInfo order) => order.Failure is { } failure ? $" ({failure})" : "";

    private static MailMessage Build(string email, string name, string subject, string lead, OrderInfo order, bool withCodes)
    {
        var lines = order.Tickets.Select(ticket => $"Seat {ticket.Seat} ({ticket.Type.ToString().ToLowerInvariant()}): {Money(ticket.PriceCents)}"
                + (withCodes && ticket.Code is not null ? $" · code {ticket.Code}" : ""))
            .Concat(order.Items.Select(item => $"{item.Quantity} × {item.Name}: {Money(item.UnitPriceCents * item.Quantity)}"))
            .ToList();
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Olá {name},").AppendLine()
            .AppendLine(lead).AppendLine();
        foreach (var line in lines) text.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Total: {Money(order.AmountCents)} · order {order.Id}");

        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<p>Olá {WebUtility.HtmlEncode(name)},</p><p>{WebUtility.HtmlEncode(lead)}</p><ul>");
        foreach (var line in lines) html.Append(CultureInfo.InvariantCulture, $"<li>{WebUtility.HtmlEncode(line)}</li>");
        html.Append(CultureInfo.InvariantCulture, $"</ul><p>Total: <strong>{WebUtility.HtmlEncode(Money(order.AmountCents))}</strong> · order {order.Id}</p>");
        return new MailMessage(email, name, subject, text.ToString(), html.ToString());
    }

    /// <summary>Brazilian notation (R$ 1.234,56), written out: the processes run with invariant globalization.</summary>
    private static string Money(long cents) =>
        string.Create(CultureInfo.InvariantCulture, $"R$ {(cents / 100).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.')},{cents % 100:00}");
}
