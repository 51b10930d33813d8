using System.ComponentModel.DataAnnotations;

namespace Marquee.Api.Hosting;

/// <summary>What the HTTP edge accepts and from whom (section <c>Edge</c>).</summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";

    /// <summary>Origins browsers may call from; empty means no cross-origin access.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Requests one client address may make per window before answers turn into 429.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerWindow { get; set; } = 600;

    /// <summary>Requests one address may make to the auth endpoints per window (credential stuffing brake).</summary>
    [Range(1, 1_000_000)]
    public int AuthRequestsPerWindow { get; set; } = 60;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Reverse proxies whose X-Forwarded-* headers are believed (IPs or CIDR networks).</summary>
    public string[] TrustedProxies { get; set; } = [];
}
