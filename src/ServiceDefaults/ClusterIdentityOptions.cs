using System.ComponentModel.DataAnnotations;

namespace Marquee.ServiceDefaults;

/// <summary>Shared by silos and the API (section <c>Orleans</c>): the membership rows both sides must agree on.</summary>
public sealed class ClusterIdentityOptions
{
    public const string Section = "Orleans";

    [Required, RegularExpression("^[A-Za-z0-9._-]{1,100}$")]
    public string ClusterId { get; set; } = "marquee";

    [Required, RegularExpression("^[A-Za-z0-9._-]{1,100}$")]
    public string ServiceId { get; set; } = "marquee";
}
