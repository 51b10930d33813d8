using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Marquee.Api.Auth;

public static class AuthenticationExtensions
{
    /// <summary>JWT bearer validation with issuer, audience, algorithm and skew pinned; role policies.</summary>
    public static WebApplicationBuilder AddMarqueeAuthentication(this WebApplicationBuilder builder, string dataDirectory)
    {
        builder.Services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        var signingKey = SigningKeyStore.Load(options, builder.Environment, dataDirectory);
        builder.Services.AddSingleton(signingKey);

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = signingKey,
                    ValidAlgorithms = [JwtOptions.Algorithm],
                    ClockSkew = options.ClockSkew,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                };
                // The default handlers (already told not to map claims), each behind a cache of tokens it accepted.
                var handlers = jwt.TokenHandlers.ToList();
                jwt.TokenHandlers.Clear();
                foreach (var handler in handlers)
                {
                    jwt.TokenHandlers.Add(new VerifiedTokenCache(handler, TimeProvider.System));
                }
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Policies.Roles.Admin))
            .AddPolicy(Policies.Manager, policy => policy.RequireRole(Policies.Roles.Manager, Policies.Roles.Admin));
        return builder;
    }
}
