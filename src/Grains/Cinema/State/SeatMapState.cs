namespace Marquee.Cinema.State;

/// <summary>
/// A seat map as it was stored whole, before the seat journal: read only to move it into the journal.
/// Holds and sales keep their shapes in the journal's snapshots.
/// </summary>
[GenerateSerializer, Alias("Marquee.Cinema.State.SeatMapState")]
public sealed class SeatMapState
{
    [Id(0)] public List<string> Rows { get; set; } = [];
    [Id(1)] public List<SeatDefinition> Seats { get; set; } = [];
    [Id(2)] public Dictionary<Guid, HoldRecord> Holds { get; set; } = [];
    [Id(3)] public Dictionary<Guid, SaleRecord> Sales { get; set; } = [];
    [Id(4)] public long Version { get; set; }

    /// <summary>When the showtime starts; sales close <see cref="CinemaOptions.SalesCloseAfterStart"/> later. Null: never.</summary>
    [Id(5)] public DateTimeOffset? StartsAt { get; set; }

    /// <summary>Set once sales closed: every hold was released and nothing more is sold.</summary>
    [Id(6)] public bool SalesClosed { get; set; }
}

/// <summary>A hold; once an order takes it (<see cref="OrderId"/>) it no longer expires, until the order settles it.</summary>
[GenerateSerializer, Alias("Marquee.Cinema.State.HoldRecord")]
public sealed record HoldRecord(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] List<string> Seats,
    [property: Id(2)] DateTimeOffset ExpiresAt,
    [property: Id(3)] Guid? OrderId = null);

[GenerateSerializer, Alias("Marquee.Cinema.State.SaleRecord")]
public sealed record SaleRecord(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] Guid HoldId,
    [property: Id(2)] List<string> Seats);
