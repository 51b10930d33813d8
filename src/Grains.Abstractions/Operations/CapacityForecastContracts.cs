namespace Marquee.Operations;

/// <summary>Expected demand for one upcoming showtime, and what it is made of.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Operations.ShowtimeDemand")]
public sealed record ShowtimeDemand(
    [property: Id(0)] Guid ShowtimeId,
    [property: Id(1)] int MovieId,
    [property: Id(2)] string MovieTitle,
    [property: Id(3)] DateTimeOffset StartsAt,
    [property: Id(4)] int Capacity,
    [property: Id(5)] int SoldSeats,
    [property: Id(6)] double SeatsPerHour,
    [property: Id(7)] double PopularityShare,
    [property: Id(8)] int ExpectedSeats,
    [property: Id(9)] double ExpectedSeatsPerHourNow);

/// <summary>
/// The cluster-wide forecast: the seat sales expected per hour from now on, the request rate they
/// bring at peak, and how many silos serve that rate.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marquee.Operations.CapacityForecast")]
public sealed record CapacityForecast(
    [property: Id(0)] DateTimeOffset ComputedAt,
    [property: Id(1)] TimeSpan Horizon,
    [property: Id(2)] int UpcomingShowtimes,
    [property: Id(3)] int ExpectedSeats,
    [property: Id(4)] double ExpectedSeatsPerHour,
    [property: Id(5)] double PeakRequestsPerSecond,
    [property: Id(6)] int RecommendedSilos,
    [property: Id(7)] IReadOnlyList<ShowtimeDemand> Busiest,
    [property: Id(8)] IReadOnlyList<CapacityPoint> Timeline);

/// <summary>The forecast at one hour of the horizon: the seat sales expected then and the silos they call for.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Operations.CapacityPoint")]
public sealed record CapacityPoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] double ExpectedSeatsPerHour,
    [property: Id(2)] int RecommendedSilos);

/// <summary>Computes the demand forecast from the showtimes and order read models; cached briefly.</summary>
[Alias("Marquee.Operations.ICapacityForecastGrain")]
public interface ICapacityForecastGrain : IGrainWithIntegerKey
{
    /// <summary>The latest forecast, recomputed when older than the configured refresh interval.</summary>
    [Alias("Get")]
    Task<CapacityForecast> GetAsync();

    /// <summary>A forecast computed now, which also becomes the cached one.</summary>
    [Alias("Refresh")]
    Task<CapacityForecast> RefreshAsync();
}
