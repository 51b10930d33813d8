using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Marquee.Api.Tests.Identity;

[Collection(ApiCollection.Name)]
public sealed partial class RecoveryTests(ApiFixture fixture)
{
    private static readonly TimeSpan MailPatience = TimeSpan.FromSeconds(30);
    private readonly IdentityClient _identity = new(fixture);

    [Fact]
    public async Task ForgotAnswers202ForUnknownEmailsAndMailsNobody()
    {
        var ghost = IdentityClient.NewEmail("ghost");

        var response = await _identity.Anonymous.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = ghost });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // The request answers only after the cluster has handled it, so a mail would already be here.
        Assert.DoesNotContain(fixture.Mail.Received, message => message.To.Mailboxes.Any(to => to.Address == ghost));
    }

    [Fact]
    public async Task TheMailedTokenResetsThePasswordOnceAndEndsEverySession()
    {
        var (_, email) = await _identity.RegisterAsync();
        var session = await _identity.LoginOkAsync(email);

        var forgot = await _identity.Anonymous.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = email.ToUpperInvariant() });
        var mail = await fixture.Mail.WaitForMessageToAsync(email, MailPatience);
        var token = Uri.UnescapeDataString(TokenInLink().Match(mail.TextBody!).Groups[1].Value);
        var reset = await _identity.Anonymous.PostAsJsonAsync("/api/v1/auth/password/reset", new { token, newPassword = "Fresh-Start-Pass-7" });
        var replay = await _identity.Anonymous.PostAsJsonAsync("/api/v1/auth/password/reset", new { token, newPassword = "Second-Go-Pass-8" });

        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        Assert.Contains($"{ApiFixture.ResetUrl}?token=", mail.TextBody);
        Assert.Contains(ApiFixture.ResetUrl, mail.HtmlBody);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await replay.AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _identity.RefreshAsync(session.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _identity.LoginAsync(email, IdentityClient.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _identity.LoginAsync(email, "Fresh-Start-Pass-7")).StatusCode);
    }

    [Fact]
    public async Task TheResetMailSpeaksPortugueseThroughout()
    {
        var (_, email) = await _identity.RegisterAsync();

        await _identity.Anonymous.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email });
        var mail = await fixture.Mail.WaitForMessageToAsync(email, MailPatience);

        Assert.Equal("Redefina sua senha do Marquee", mail.Subject);
        Assert.Contains("Redefinir minha senha", mail.HtmlBody);
        Assert.Contains("em até 30 minutos", mail.TextBody);
        foreach (var english in new[] { "Reset", "password", "your", "Someone", "ignore this" })
        {
            // The link's own path is an address, not wording.
            Assert.DoesNotContain(english, mail.TextBody!.Replace(ApiFixture.ResetUrl, "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(english, mail.HtmlBody!.Replace(ApiFixture.ResetUrl, "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AForgedResetTokenIsRefused()
    {
        var (id, _) = await _identity.RegisterAsync();

        var response = await _identity.Anonymous.PostAsJsonAsync("/api/v1/auth/password/reset",
            new { token = $"{id:N}.forged-secret-forged-secret-forged-secret", newPassword = "Fresh-Start-Pass-7" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [GeneratedRegex(@"\?token=(\S+)")]
    private static partial Regex TokenInLink();
}
