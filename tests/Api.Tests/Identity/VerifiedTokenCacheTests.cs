using System.Security.Claims;
using System.Security.Cryptography;
using Marquee.Api.Auth;
using Marquee.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marquee.Api.Tests.Identity;

/// <summary>The cache of accepted access tokens: what it may skip, and what it must never let through.</summary>
public sealed class VerifiedTokenCacheTests : IDisposable
{
    private readonly TestTokens _tokens = new();
    private readonly ECDsa _publicKey = ECDsa.Create();
    private readonly CountingHandler _inner = new();
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly VerifiedTokenCache _cache;

    public VerifiedTokenCacheTests()
    {
        _publicKey.ImportSubjectPublicKeyInfo(_tokens.PublicKeyBytes, out _);
        _cache = new VerifiedTokenCache(_inner, _clock);
    }

    private TokenValidationParameters Parameters => new()
    {
        ValidIssuer = TestTokens.Issuer,
        ValidAudience = TestTokens.Audience,
        IssuerSigningKey = new ECDsaSecurityKey(_publicKey),
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        RequireExpirationTime = true,
        NameClaimType = "sub",
        RoleClaimType = "role",
    };

    [Fact]
    public async Task ATokenIsValidatedInFullOnceAndThenServedFromTheCache()
    {
        var token = _tokens.Mint("customer");

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await _cache.ValidateTokenAsync(token, Parameters)).IsValid);
        }
        Assert.Equal(1, _inner.Validations);
    }

    [Fact]
    public async Task ATokenAlteredAfterItsOriginalWasCachedIsValidatedInFullAndRefused()
    {
        var token = _tokens.Mint("customer");
        await _cache.ValidateTokenAsync(token, Parameters);
        var altered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        Assert.False((await _cache.ValidateTokenAsync(altered, Parameters)).IsValid);
        Assert.Equal(2, _inner.Validations);
    }

    [Fact]
    public async Task PastItsExpiryATokenGoesBackToFullValidation()
    {
        var token = _tokens.Mint("customer", lifetime: TimeSpan.FromMinutes(2));
        await _cache.ValidateTokenAsync(token, Parameters);

        _clock.Advance(TimeSpan.FromMinutes(2));
        await _cache.ValidateTokenAsync(token, Parameters);

        Assert.Equal(2, _inner.Validations);
    }

    [Fact]
    public async Task NoEntryOutlivesTheMaximumAgeEvenForALongerToken()
    {
        var token = _tokens.Mint("customer", lifetime: TimeSpan.FromMinutes(15));
        await _cache.ValidateTokenAsync(token, Parameters);

        _clock.Advance(VerifiedTokenCache.MaxAge);
        await _cache.ValidateTokenAsync(token, Parameters);

        Assert.Equal(2, _inner.Validations);
    }

    [Fact]
    public async Task RefusedTokensAreNotRemembered()
    {
        var token = _tokens.Mint("customer", audience: "another-api");

        Assert.False((await _cache.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.False((await _cache.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.Equal(2, _inner.Validations);
    }

    [Fact]
    public async Task EachValidationGetsAnIdentityOfItsOwn()
    {
        var token = _tokens.Mint("customer");
        var first = await _cache.ValidateTokenAsync(token, Parameters);
        first.ClaimsIdentity.AddClaim(new Claim("role", "admin"));

        var second = await _cache.ValidateTokenAsync(token, Parameters);

        Assert.False(new ClaimsPrincipal(second.ClaimsIdentity).IsInRole("admin"));
        Assert.True(new ClaimsPrincipal(second.ClaimsIdentity).IsInRole("customer"));
    }

    public void Dispose()
    {
        _cache.Dispose();
        _publicKey.Dispose();
        _tokens.Dispose();
    }

    private sealed class CountingHandler : JsonWebTokenHandler
    {
        public int Validations { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Validations++;
            return base.ValidateTokenAsync(token, validationParameters);
        }
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
