namespace Marquee;

/// <summary>Orleans stream providers and namespaces shared by silos and clients.</summary>
public static class StreamNames
{
    /// <summary>
    /// Best-effort, in-cluster fan-out for live views (seat maps). Losing a message on a silo crash is
    /// acceptable there because every subscriber can catch up from a snapshot.
    /// </summary>
    public const string Live = "live";
}
