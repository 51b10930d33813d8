namespace Marquee;

/// <summary>Names of the grain storage providers the silo registers; grains pick one per state.</summary>
public static class StorageNames
{
    /// <summary>Operational state: canaries and other ops probes.</summary>
    public const string Operations = "operations";

    /// <summary>Accounts, email ownership, refresh sessions, external logins.</summary>
    public const string Identity = "identity";

    /// <summary>Seat maps of showtimes.</summary>
    public const string Cinema = "cinema";

    /// <summary>Orleans' stream pub/sub bookkeeping; the name is fixed by Orleans.</summary>
    public const string PubSub = "PubSubStore";

    /// <summary>Order grains: every processing step of every order.</summary>
    public const string Orders = "orders";

    /// <summary>Every provider the silo must register, all on the same PostgreSQL table.</summary>
    public static readonly IReadOnlyList<string> All = [Operations, Identity, Cinema, Orders, PubSub];
}
