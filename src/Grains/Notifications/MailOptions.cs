using System.ComponentModel.DataAnnotations;

namespace Marquee.Notifications;

/// <summary>Outgoing mail (section <c>Mail</c>). Without an SMTP host, messages go to the pickup folder as .eml files.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    [Required, EmailAddress]
    public string From { get; set; } = "no-reply@marquee.local";

    public string FromName { get; set; } = "Marquee Cinemas";

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 25;

    /// <summary>Require STARTTLS (production relays); off for local sinks.</summary>
    public bool SmtpStartTls { get; set; }

    public string? SmtpUsername { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Where messages land when no SMTP host is set; defaults to $MARQUEE_DATA_DIR/mail.</summary>
    public string? PickupDirectory { get; set; }
}
