using System.ComponentModel.DataAnnotations;

namespace Marquee.Api.Auth;

/// <summary>Access-token parameters (section <c>Jwt</c>). Issuer, audience and algorithm are pinned.</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    /// <summary>The only algorithm accepted: ECDSA P-256 with SHA-256.</summary>
    public const string Algorithm = "ES256";

    [Required]
    public string Issuer { get; set; } = "marquee";

    [Required]
    public string Audience { get; set; } = "marquee-api";

    /// <summary>PEM file holding the EC P-256 private key. Required outside Development.</summary>
    public string? SigningKeyPath { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
