using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Marquee.Testing;

/// <summary>
/// A P-256 signing key written to a PEM file the API is pointed at, and access tokens minted with it,
/// so tests can act as any role before (and independently of) the identity endpoints.
/// </summary>
public sealed class TestTokens : IDisposable
{
    public const string Issuer = "marquee-test";
    public const string Audience = "marquee-api-test";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestTokens()
    {
        KeyPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"marquee-test-key-{Guid.NewGuid():N}.pem");
        File.WriteAllText(KeyPath, _key.ExportPkcs8PrivateKeyPem());
    }

    public string KeyPath { get; }

    /// <summary>The public key (SubjectPublicKeyInfo), for algorithm-confusion attacks.</summary>
    public byte[] PublicKeyBytes => _key.ExportSubjectPublicKeyInfo();

    public string Mint(string role, TimeSpan? lifetime = null, string? subject = null, string issuer = Issuer,
        string audience = Audience, DateTime? notBefore = null)
    {
        var now = notBefore ?? DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(15)),
            Subject = new ClaimsIdentity([new Claim("sub", subject ?? Guid.NewGuid().ToString()), new Claim("role", role)]),
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(_key), SecurityAlgorithms.EcdsaSha256),
        };
        return new JwtSecurityTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateEncodedJwt(descriptor);
    }

    public void Dispose()
    {
        _key.Dispose();
        File.Delete(KeyPath);
    }
}
