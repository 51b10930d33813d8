using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Marquee.Api.Contracts.Identity;
using Marquee.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Marquee.Api.Auth;

/// <summary>Mints access tokens (ES256, short-lived) and pairs them with a refresh grant from the cluster.</summary>
public sealed class TokenIssuer(ECDsaSecurityKey signingKey, IOptions<JwtOptions> options, TimeProvider clock)
{
    private readonly JwtSecurityTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TokenResponse Issue(UserProfile user, RefreshGrant refresh)
    {
        var jwt = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new("sub", user.Id.ToString()),
            new("email", user.Email),
            new("name", user.DisplayName),
            new("jti", Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(user.Roles.Select(role => new Claim("role", role)));
        var token = _handler.CreateEncodedJwt(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + jwt.AccessTokenLifetime,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.EcdsaSha256),
        });
        return new TokenResponse(token, OpaqueToken.Format(refresh.SessionId, refresh.Secret), (int)jwt.AccessTokenLifetime.TotalSeconds);
    }
}
