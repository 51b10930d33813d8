using System.Net;
using Marquee.Notifications;

namespace Marquee.Identity;

/// <summary>The account mails' wording, in text and HTML.</summary>
internal static class IdentityMail
{
    public static MailMessage PasswordReset(string email, string displayName, string link, TimeSpan lifetime)
    {
        var minutes = (int)lifetime.TotalMinutes;
        var text = $"""
            {MailWording.Greeting(displayName)}

            {MailWording.ResetLead(minutes)}

            {link}

            {MailWording.ResetIgnore}
            """;
        var html = $"""
            <p>{WebUtility.HtmlEncode(MailWording.Greeting(displayName))}</p>
            <p>{WebUtility.HtmlEncode(MailWording.ResetLead(minutes))}</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">{MailWording.ResetAction}</a></p>
            <p>{WebUtility.HtmlEncode(MailWording.ResetIgnore)}</p>
            """;
        return new MailMessage(email, displayName, MailWording.ResetSubject, text, html);
    }
}
