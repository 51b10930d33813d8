using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marquee.Notifications;

/// <summary>A message with both a plain-text and an HTML body.</summary>
public sealed record MailMessage(string To, string ToName, string Subject, string TextBody, string HtmlBody);

public interface IMailer
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>Sends over SMTP with MailKit when a host is configured, otherwise writes .eml files to the pickup folder.</summary>
public sealed class Mailer(IOptions<MailOptions> options) : IMailer
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.From));
        mime.To.Add(new MailboxAddress(message.ToName, message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();

        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            var folder = settings.PickupDirectory ?? Path.Combine(Environment.GetEnvironmentVariable("MARQUEE_DATA_DIR") ?? ".data", "mail");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{DateTimeOffset.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(path, cancellationToken);
            return;
        }

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(settings.SmtpHost, settings.SmtpPort,
            settings.SmtpStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUsername))
        {
            await smtp.AuthenticateAsync(settings.SmtpUsername, settings.SmtpPassword ?? "", cancellationToken);
        }
        await smtp.SendAsync(mime, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }
}
