using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Marquee.ServiceDefaults;

/// <summary>Names of Marquee's own meter and activity source, shared by every process.</summary>
public static class Telemetry
{
    public const string MeterName = "Marquee";
    public const string ActivitySourceName = "Marquee";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);
}
