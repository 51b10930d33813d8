using System.Net;
using System.Net.Http.Json;

namespace Marquee.Api.Tests.Identity;

[Collection(ApiCollection.Name)]
public sealed class TokenTests(ApiFixture fixture)
{
    private readonly IdentityClient _identity = new(fixture);

    [Fact]
    public async Task RefreshRotatesAndTheUsedTokenNoLongerWorks()
    {
        var (_, email) = await _identity.RegisterAsync();
        var first = await _identity.LoginOkAsync(email);

        var rotated = await _identity.RefreshAsync(first.RefreshToken);
        var second = IdentityClient.Tokens.From(await rotated.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>());

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await _identity.As(second.AccessToken).GetAsync("/api/v1/users/me")).StatusCode);
    }

    [Fact]
    public async Task PresentingARotatedTokenRevokesTheWholeFamily()
    {
        var (_, email) = await _identity.RegisterAsync();
        var first = await _identity.LoginOkAsync(email);
        var second = IdentityClient.Tokens.From(await (await _identity.RefreshAsync(first.RefreshToken)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>());

        var replay = await _identity.RefreshAsync(first.RefreshToken);
        var legitimate = await _identity.RefreshAsync(second.RefreshToken);

        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await legitimate.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task LogoutRevokesTheSession()
    {
        var (_, email) = await _identity.RegisterAsync();
        var tokens = await _identity.LoginOkAsync(email);

        var logout = await _identity.Anonymous.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = tokens.RefreshToken });

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await (await _identity.RefreshAsync(tokens.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("00000000000000000000000000000000.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task AMalformedOrUnknownRefreshTokenIsRefused(string token)
    {
        var response = await _identity.RefreshAsync(token);
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, $"got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ChangingThePasswordNeedsTheCurrentOneAndEndsEverySession()
    {
        var (_, email) = await _identity.RegisterAsync();
        var tokens = await _identity.LoginOkAsync(email);
        var me = _identity.As(tokens.AccessToken);

        var wrongCurrent = await me.PostAsJsonAsync("/api/v1/users/me/password", new { currentPassword = "Nope-Nope-Nope-1", newPassword = "Another-Strong-Pass-2" });
        var changed = await me.PostAsJsonAsync("/api/v1/users/me/password", new { currentPassword = IdentityClient.Password, newPassword = "Another-Strong-Pass-2" });

        await wrongCurrent.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await (await _identity.RefreshAsync(tokens.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _identity.LoginAsync(email, IdentityClient.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _identity.LoginAsync(email, "Another-Strong-Pass-2")).StatusCode);
    }
}
