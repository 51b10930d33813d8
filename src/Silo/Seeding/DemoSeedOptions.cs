namespace Marquee.Silo.Seeding;

/// <summary>Section <c>Seed</c>: whether this silo loads the demo dataset at start (once per database).</summary>
public sealed class DemoSeedOptions
{
    public const string Section = "Seed";

    public bool Demo { get; set; }

    /// <summary>
    /// When set (with <see cref="Demo"/>), the demo users of each role are ensured with this password:
    /// admin@, manager@ and customer@marquee.local.
    /// </summary>
    public string? DemoPassword { get; set; }

    /// <summary>The demo customer who gets a subscription and a watch history, when that account exists.</summary>
    public string CustomerEmail { get; set; } = "customer@marquee.local";
}
