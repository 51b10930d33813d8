namespace Marquee.Operations.State;

[GenerateSerializer, Alias("Marquee.Operations.State.CanaryState")]
public sealed class CanaryState
{
    [Id(0)] public long Touches { get; set; }
    [Id(1)] public DateTimeOffset? LastTouchedAt { get; set; }
}
