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
            Olá {displayName},

            Someone asked to reset the password of your Marquee account. If it was you, open this link
            within {minutes} minutes:

            {link}

            If it was not you, ignore this message; your password stays as it is.
            """;
        var html = $"""
            <p>Olá {WebUtility.HtmlEncode(displayName)},</p>
            <p>Someone asked to reset the password of your Marquee account. If it was you, use this link within {minutes} minutes:</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">Reset my password</a></p>
            <p>If it was not you, ignore this message; your password stays as it is.</p>
            """;
        return new MailMessage(email, displayName, "Reset your Marquee password", text, html);
    }
}
