namespace Marquee.Notifications;

/// <summary>
/// Every word the mails say, in pt-BR like the web app, in one place so another language can follow.
/// </summary>
internal static class MailWording
{
    public static string Greeting(string name) => $"Olá, {name}!";

    public const string ResetSubject = "Redefina sua senha do Marquee";
    public static string ResetLead(int minutes) =>
        $"Recebemos um pedido para redefinir a senha da sua conta Marquee. Se foi você, use este link em até {minutes} minutos:";
    public const string ResetAction = "Redefinir minha senha";
    public const string ResetIgnore = "Se não foi você, ignore esta mensagem: sua senha continua a mesma.";

    public const string ApprovedSubject = "Seu pedido Marquee está confirmado";
    public const string ApprovedLead = "Seu pedido está confirmado. Apresente estes códigos na entrada:";
    public const string RefusedSubject = "Seu pedido Marquee não foi aprovado";
    public const string RefusedLead = "O pagamento não foi aprovado: nada foi cobrado e suas poltronas foram liberadas.";
    public const string RefundedSubject = "Seu pedido Marquee foi reembolsado";
    public const string RefundedLead = "Seu pedido foi reembolsado: as poltronas voltaram à venda e o valor retorna ao seu meio de pagamento.";

    public static string TicketType(string type) => type == "half" ? "meia-entrada" : "inteira";
    public static string Seat(string seat, string type) => $"Poltrona {seat} ({TicketType(type)})";
    public static string Code(string code) => $"código {code}";
    public static string Total(string amount, Guid orderId) => $"Total: {amount} · pedido {orderId}";
    public const string TotalLabel = "Total";
    public static string OrderReference(Guid orderId) => $"pedido {orderId}";
}
