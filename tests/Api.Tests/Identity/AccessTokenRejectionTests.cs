using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Marquee.Testing;

namespace Marquee.Api.Tests.Identity;

/// <summary>Access tokens the API must refuse, each for one reason.</summary>
[Collection(ApiCollection.Name)]
public sealed class AccessTokenRejectionTests(ApiFixture fixture)
{
    private async Task<HttpStatusCode> CallWithAsync(string token)
    {
        using var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("/api/v1/admin/cluster")).StatusCode;
    }

    [Fact]
    public async Task AValidAdminTokenIsAccepted() =>
        Assert.Equal(HttpStatusCode.OK, await CallWithAsync(fixture.Tokens.Mint("admin")));

    [Fact]
    public async Task ATokenForAnotherIssuerIsRefused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await CallWithAsync(fixture.Tokens.Mint("admin", issuer: "https://evil.example")));

    [Fact]
    public async Task ATokenForAnotherAudienceIsRefused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await CallWithAsync(fixture.Tokens.Mint("admin", audience: "another-api")));

    [Fact]
    public async Task ATokenExpiredBeyondTheSkewIsRefused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await CallWithAsync(fixture.Tokens.Mint("admin", notBefore: DateTime.UtcNow.AddMinutes(-20), lifetime: TimeSpan.FromMinutes(19))));

    [Fact]
    public async Task ATokenExpiredWithinTheSkewIsStillAccepted() =>
        Assert.Equal(HttpStatusCode.OK, await CallWithAsync(fixture.Tokens.Mint("admin", notBefore: DateTime.UtcNow.AddMinutes(-5), lifetime: TimeSpan.FromSeconds(290))));

    [Fact]
    public async Task ATamperedPayloadIsRefused()
    {
        var parts = fixture.Tokens.Mint("customer").Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlDecode(parts[1])).Replace("\"customer\"", "\"admin\"", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        Assert.Equal(HttpStatusCode.Unauthorized, await CallWithAsync(tampered));
    }

    [Fact]
    public async Task AnHs256TokenSignedWithThePublicKeyIsRefused()
    {
        // The classic algorithm-confusion attack: HMAC keyed with the server's public key bytes.
        var header = Base64UrlEncode(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        var body = Base64UrlEncode(Encoding.UTF8.GetBytes($"{{\"sub\":\"x\",\"role\":\"admin\",\"iss\":\"{TestTokens.Issuer}\",\"aud\":\"{TestTokens.Audience}\",\"exp\":{exp}}}"));
        using var hmac = new System.Security.Cryptography.HMACSHA256(fixture.Tokens.PublicKeyBytes);
        var signature = Base64UrlEncode(hmac.ComputeHash(Encoding.ASCII.GetBytes($"{header}.{body}")));

        Assert.Equal(HttpStatusCode.Unauthorized, await CallWithAsync($"{header}.{body}.{signature}"));
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
