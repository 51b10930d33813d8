using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.Tokens;

namespace Marquee.Api.Auth;

/// <summary>
/// Remembers access tokens that passed the full validation of the handler it wraps, so a client
/// presenting the same token again skips the ECDSA signature check: under the hot-holds benchmark that
/// check was a fifth of the API's CPU. The key is the token's exact text, so a token altered in any byte
/// is a miss and is validated in full. An entry lives until the token expires and never longer than
/// <see cref="MaxAge"/>; failed validations are not remembered. One instance serves one authentication
/// scheme, whose validation parameters are fixed at startup.
/// </summary>
public sealed class VerifiedTokenCache(TokenHandler inner, TimeProvider clock, int capacity = VerifiedTokenCache.DefaultCapacity)
    : TokenHandler, IDisposable
{
    /// <summary>Distinct tokens kept per API process (a couple of KB each); past it, a token is just validated in full.</summary>
    public const int DefaultCapacity = 20_000;

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _verified = new(new MemoryCacheOptions { SizeLimit = capacity });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (_verified.TryGetValue(token, out Verified? hit) && now < hit!.Until)
        {
            return hit.Result();
        }
        var result = await inner.ValidateTokenAsync(token, validationParameters);
        // Until the token's own expiry, without the clock skew: a token inside its skew window is
        // validated in full each time, which accepts exactly what the inner handler accepts.
        var expires = new DateTimeOffset(result.SecurityToken?.ValidTo ?? DateTime.MinValue, TimeSpan.Zero);
        var until = expires < now + MaxAge ? expires : now + MaxAge;
        if (result is { IsValid: true, ClaimsIdentity: not null, SecurityToken: not null } && until > now)
        {
            // A copy of the identity: the caller's principal is its own to change.
            var verified = new Verified(result.ClaimsIdentity.Clone(), result.SecurityToken, result.Issuer, result.TokenType, until);
            _verified.Set(token, verified, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = until });
        }
        return result;
    }

    public void Dispose() => _verified.Dispose();

    private sealed record Verified(ClaimsIdentity Identity, SecurityToken Token, string Issuer, string TokenType, DateTimeOffset Until)
    {
        /// <summary>A result of its own per request: the identity is copied, so nothing done to one request's principal reaches another.</summary>
        public TokenValidationResult Result() => new()
        {
            IsValid = true,
            ClaimsIdentity = Identity.Clone(),
            SecurityToken = Token,
            Issuer = Issuer,
            TokenType = TokenType,
        };
    }
}
