using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Marquee.Testing;

/// <summary>
/// Stands in for accounts.google.com: a discovery document and a JWKS on loopback, and ID tokens
/// signed with the published RSA key (or, to test rejection, with a key nobody published).
/// </summary>
public sealed class LocalOidcIssuer : IAsyncDisposable
{
    public const string ClientId = "marquee-test-client.apps.googleusercontent.com";

    private readonly RSA _key = RSA.Create(2048);
    private readonly WebApplication _app;

    private LocalOidcIssuer(WebApplication app, string authority)
    {
        _app = app;
        Authority = authority;
    }

    public string Authority { get; }

    public static async Task<LocalOidcIssuer> StartAsync()
    {
        var port = FreePort.Next();
        var authority = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(authority);
        var app = builder.Build();
        var issuer = new LocalOidcIssuer(app, authority);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = authority,
            ["jwks_uri"] = $"{authority}/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(issuer._key.ExportParameters(false)) { KeyId = "test-key" });
            return Results.Json(new Dictionary<string, object>
            {
                ["keys"] = new[] { new Dictionary<string, string> { ["kty"] = "RSA", ["kid"] = "test-key", ["use"] = "sig", ["alg"] = "RS256", ["n"] = jwk.N, ["e"] = jwk.E } },
            });
        });
        await app.StartAsync();
        return issuer;
    }

    public string Mint(string subject, string email, bool emailVerified = true, string name = "Google User",
        string audience = ClientId, string? issuer = null, TimeSpan? lifetime = null, RSA? signWith = null)
    {
        var now = DateTime.UtcNow;
        var signingKey = new RsaSecurityKey(signWith ?? _key) { KeyId = "test-key" };
        return new JwtSecurityTokenHandler().CreateEncodedJwt(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(5)),
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", subject), new Claim("email", email), new Claim("name", name),
                new Claim("email_verified", emailVerified ? "true" : "false", ClaimValueTypes.Boolean),
            ]),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
    }
}
