using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Marquee.Silo.Hosting;

/// <summary>Where this silo listens and what it advertises to the rest of the cluster (section <c>Silo</c>).</summary>
public sealed class SiloOptions
{
    public const string Section = "Silo";

    /// <summary>Silo-to-silo port.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients (the API) connect to.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address written to membership; in Kubernetes the pod IP from the downward API. Empty means
    /// this host's first non-loopback address (containers on a compose network).
    /// </summary>
    [RegularExpression(@"^$|^[0-9a-fA-F.:]+$")]
    public string? AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// The name in membership and on the dashboard; in Kubernetes the pod name from the downward API,
    /// so a silo in the cluster view is the pod ops can describe. Empty means the host name.
    /// </summary>
    [StringLength(253)]
    public string? Name { get; set; }

    /// <summary>Bind 0.0.0.0 instead of the advertised address (containers, where the pod IP is behind NAT).</summary>
    public bool ListenOnAnyAddress { get; set; }

    /// <summary>How long a graceful stop may take before the host gives up; Kubernetes' grace period must be longer.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public IPAddress? ParseAdvertisedAddress() =>
        string.IsNullOrWhiteSpace(AdvertisedAddress) ? null : IPAddress.Parse(AdvertisedAddress);
}
