using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace Marquee.Api.Tests.Identity;

[Collection(ApiCollection.Name)]
public sealed class GoogleSignInTests(ApiFixture fixture)
{
    private readonly IdentityClient _identity = new(fixture);

    private Task<HttpResponseMessage> SignInAsync(string idToken) =>
        _identity.Anonymous.PostAsJsonAsync("/api/v1/auth/external/google", new { idToken });

    [Fact]
    public async Task AFirstGoogleSignInCreatesAnAccountAndTheNextFindsIt()
    {
        var subject = Guid.NewGuid().ToString("N");
        var email = IdentityClient.NewEmail("google");

        var first = await SignInAsync(fixture.Google.Mint(subject, email, name: "Ana Souza"));
        var second = await SignInAsync(fixture.Google.Mint(subject, email));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var meFirst = await _identity.As(IdentityClient.Tokens.From(await first.Content.ReadFromJsonAsync<JsonElement>()).AccessToken).GetFromJsonAsync<JsonElement>("/api/v1/users/me");
        var meSecond = await _identity.As(IdentityClient.Tokens.From(await second.Content.ReadFromJsonAsync<JsonElement>()).AccessToken).GetFromJsonAsync<JsonElement>("/api/v1/users/me");
        Assert.Equal(meFirst.GetProperty("id").GetGuid(), meSecond.GetProperty("id").GetGuid());
        Assert.Equal("Ana Souza", meFirst.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task AVerifiedGoogleEmailLinksToTheExistingAccount()
    {
        var (id, email) = await _identity.RegisterAsync();

        var response = await SignInAsync(fixture.Google.Mint(Guid.NewGuid().ToString("N"), email.ToUpperInvariant()));

        var me = await _identity.As(IdentityClient.Tokens.From(await response.Content.ReadFromJsonAsync<JsonElement>()).AccessToken).GetFromJsonAsync<JsonElement>("/api/v1/users/me");
        Assert.Equal(id, me.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task AnUnverifiedGoogleEmailDoesNotTakeOverAnAccount()
    {
        var (_, email) = await _identity.RegisterAsync();
        var response = await SignInAsync(fixture.Google.Mint(Guid.NewGuid().ToString("N"), email, emailVerified: false));
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TokensForAnotherAppFromAnotherIssuerOrWithAnUnpublishedKeyAreRefused()
    {
        using var stranger = RSA.Create(2048);
        var subject = Guid.NewGuid().ToString("N");
        var email = IdentityClient.NewEmail("google");

        await (await SignInAsync(fixture.Google.Mint(subject, email, audience: "someone-else"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await SignInAsync(fixture.Google.Mint(subject, email, issuer: "https://evil.example"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await SignInAsync(fixture.Google.Mint(subject, email, signWith: stranger))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await SignInAsync("not.a.jwt")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
