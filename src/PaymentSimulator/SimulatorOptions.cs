using System.ComponentModel.DataAnnotations;

namespace Marquee.PaymentSimulator;

/// <summary>How the simulated provider behaves (section <c>Simulator</c>).</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    /// <summary>Share of charges approved; which ones is decided by a hash of the key and <see cref="Seed"/>, so a retried key gets the same answer.</summary>
    [Range(0.0, 1.0)]
    public double ApprovalRate { get; set; } = 0.5;

    /// <summary>Changes which keys are approved; tests fix it to know the outcome in advance.</summary>
    public int Seed { get; set; }

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Share of calls answered 503 before deciding anything (fault injection).</summary>
    [Range(0.0, 1.0)]
    public double FailureRate { get; set; }
}
