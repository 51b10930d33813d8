namespace Marquee.Cinema.State;

[GenerateSerializer, Alias("Marquee.Cinema.State.CinemaState")]
public sealed class CinemaState
{
    [Id(0)] public bool Created { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string Neighbourhood { get; set; } = "";
    [Id(3)] public string Address { get; set; } = "";
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public Dictionary<string, Guid> Auditoriums { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

[GenerateSerializer, Alias("Marquee.Cinema.State.AuditoriumState")]
public sealed class AuditoriumState
{
    [Id(0)] public Guid CinemaId { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public SeatMapSetup? Layout { get; set; }
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
}
