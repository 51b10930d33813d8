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
        OrderStatus.Approved => Build(email, name, MailWording.ApprovedSubject, MailWording.ApprovedLead, order, withCodes: true),
        OrderStatus.Refused => Build(email, name, MailWording.RefusedSubject, $"{MailWording.RefusedLead}{Reason(order)}", order, withCodes: false),
        OrderStatus.Refunded => Build(email, name, MailWording.RefundedSubject, MailWording.RefundedLead, order, withCodes: false),
        _ => null,
    };

    private static string Reason(OrderInfo order) => order.Failure is { } failure ? $" ({failure})" : "";

    private static MailMessage Build(string email, string name, string subject, string lead, OrderInfo order, bool withCodes)
    {
        var lines = order.Tickets.Select(ticket => $"{MailWording.Seat(ticket.Seat, ticket.Type.ToString().ToLowerInvariant())}: {Money(ticket.PriceCents)}"
                + (withCodes && ticket.Code is not null ? $" · {MailWording.Code(ticket.Code)}" : ""))
            .Concat(order.Items.Select(item => $"{item.Quantity} × {item.Name}: {Money(item.UnitPriceCents * item.Quantity)}"))
            .ToList();
        var text = new StringBuilder()
            .AppendLine(MailWording.Greeting(name)).AppendLine()
            .AppendLine(lead).AppendLine();
        foreach (var line in lines) text.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
        text.AppendLine().AppendLine(MailWording.Total(Money(order.AmountCents), order.Id));

        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<p>{WebUtility.HtmlEncode(MailWording.Greeting(name))}</p><p>{WebUtility.HtmlEncode(lead)}</p><ul>");
        foreach (var line in lines) html.Append(CultureInfo.InvariantCulture, $"<li>{WebUtility.HtmlEncode(line)}</li>");
        html.Append(CultureInfo.InvariantCulture, $"</ul><p>{MailWording.TotalLabel}: <strong>{WebUtility.HtmlEncode(Money(order.AmountCents))}</strong> · {MailWording.OrderReference(order.Id)}</p>");
        return new MailMessage(email, name, subject, text.ToString(), html.ToString());
    }

    /// <summary>Brazilian notation (R$ 1.234,56), written out: the processes run with invariant globalization.</summary>
    private static string Money(long cents) =>
        string.Create(CultureInfo.InvariantCulture, $"R$ {(cents / 100).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.')},{cents % 100:00}");
}
