using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Marquee.Bench;

/// <summary>
/// Access tokens signed with the key the benchmark's API was started with, so thousands of distinct
/// customers cost no registration (whose password hashing would be the thing measured).
/// </summary>
public sealed class TokenMinter(string keyPemPath)
{
    private readonly ECDsa _key = LoadKey(keyPemPath);

    public string Mint(string role, Guid? subject = null)
    {
        var now = DateTime.UtcNow;
        return new JwtSecurityTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateEncodedJwt(new SecurityTokenDescriptor
        {
            Issuer = "marquee",
            Audience = "marquee-api",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(15),
            Subject = new ClaimsIdentity([new Claim("sub", (subject ?? Guid.NewGuid()).ToString()), new Claim("role", role)]),
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(_key), SecurityAlgorithms.EcdsaSha256),
        });
    }

    private static ECDsa LoadKey(string path)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return key;
    }
}
