using System.IdentityModel.Tokens.Jwt;
using Marquee.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Marquee.Api.Auth;

/// <summary>
/// Validates Google ID tokens against the keys the issuer publishes (discovery document + JWKS,
/// cached and refreshed by the OpenID Connect configuration manager).
/// </summary>
public sealed class GoogleIdTokenValidator
{
    private readonly GoogleOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _configuration;
    private readonly JwtSecurityTokenHandler _handler = new() { MapInboundClaims = false };

    public GoogleIdTokenValidator(IOptions<GoogleOptions> options, IHttpClientFactory httpClients)
    {
        _options = options.Value;
        if (!string.IsNullOrWhiteSpace(_options.ClientId))
        {
            _configuration = new ConfigurationManager<OpenIdConnectConfiguration>(
                $"{_options.Authority.TrimEnd('/')}/.well-known/openid-configuration",
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(httpClients.CreateClient(nameof(GoogleIdTokenValidator))) { RequireHttps = _options.RequireHttpsMetadata });
        }
    }

    public bool Enabled => _configuration is not null;

    /// <summary>The verified identity, or null when the token is not a valid ID token for this app.</summary>
    public async Task<ExternalIdentity?> ValidateAsync(string idToken, CancellationToken cancellationToken)
    {
        if (_configuration is null)
        {
            return null;
        }
        var configuration = await _configuration.GetConfigurationAsync(cancellationToken);
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = _options.ValidIssuers,
            ValidAudience = _options.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        };
        var result = await _handler.ValidateTokenAsync(idToken, parameters);
        if (!result.IsValid)
        {
            return null;
        }
        var claims = result.ClaimsIdentity;
        var subject = claims.FindFirst("sub")?.Value;
        var email = claims.FindFirst("email")?.Value;
        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(email))
        {
            return null;
        }
        var verified = string.Equals(claims.FindFirst("email_verified")?.Value, "true", StringComparison.OrdinalIgnoreCase);
        var name = claims.FindFirst("name")?.Value ?? email.Split('@')[0];
        return new ExternalIdentity("google", subject, email, verified, name.Length > 100 ? name[..100] : name);
    }
}
