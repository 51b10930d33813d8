namespace Marquee.Operations;

/// <summary>
/// A named, persisted probe. Touching it proves that the cluster can place an activation, run a turn
/// and round-trip grain storage in PostgreSQL; ops use it after a deploy and the cluster tests use it
/// to reach grains on every silo.
/// </summary>
[Alias("Marquee.Operations.ICanaryGrain")]
public interface ICanaryGrain : IGrainWithStringKey
{
    /// <summary>Adds <paramref name="count"/> touches, persists them and answers after the write.</summary>
    [Alias("Touch")]
    Task<CanaryReport> TouchAsync(int count);

    /// <summary>Reads the persisted count without changing it.</summary>
    [Alias("Read")]
    Task<CanaryReport> ReadAsync();
}

/// <summary>What a canary knows: how often it was touched and where it is active right now.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Operations.CanaryReport")]
public sealed record CanaryReport(
    [property: Id(0)] string Name,
    [property: Id(1)] long Touches,
    [property: Id(2)] DateTimeOffset? LastTouchedAt,
    [property: Id(3)] string Silo);
