using System.ComponentModel.DataAnnotations;

namespace Marquee.Api.Contracts.Operations;

/// <summary>How many touches to add to a canary in one persisted write.</summary>
public sealed record TouchCanaryRequest([property: Range(1, 100)] int Count);

/// <summary>A canary's persisted count and the silo that answered.</summary>
public sealed record CanaryResponse(string Name, long Touches, DateTimeOffset? LastTouchedAt, string Silo);

/// <summary>One cluster member as the membership table sees it.</summary>
public sealed record SiloResponse(string Address, string Name, string HostName, string Status, DateTimeOffset StartedAt);

public sealed record ClusterResponse(IReadOnlyList<SiloResponse> Silos);
