using System.ComponentModel.DataAnnotations;

namespace Marquee.Api.Contracts.Operations;

/// <summary>How many touches to add to a canary in one persisted write.</summary>
public sealed record TouchCanaryRequest([property: Required, Range(1, 100)] int? Count);

/// <summary>A canary's persisted count and the silo that answered.</summary>
public sealed record CanaryResponse(string Name, long Touches, DateTimeOffset? LastTouchedAt, string Silo);

/// <summary>One cluster member as the membership table sees it.</summary>
public sealed record SiloResponse(string Address, string Name, string HostName, string Status, DateTimeOffset StartedAt);

public sealed record ClusterResponse(IReadOnlyList<SiloResponse> Silos);

/// <summary>One upcoming showtime's expected demand and the signals behind it.</summary>
public sealed record ShowtimeDemandResponse(
    Guid ShowtimeId,
    int MovieId,
    string MovieTitle,
    DateTimeOffset StartsAt,
    int Capacity,
    int SoldSeats,
    double SeatsPerHour,
    double PopularityShare,
    int ExpectedSeats,
    double ExpectedSeatsPerHourNow)
{
    public static ShowtimeDemandResponse From(Marquee.Operations.ShowtimeDemand demand) =>
        new(demand.ShowtimeId, demand.MovieId, demand.MovieTitle, demand.StartsAt, demand.Capacity, demand.SoldSeats,
            demand.SeatsPerHour, demand.PopularityShare, demand.ExpectedSeats, demand.ExpectedSeatsPerHourNow);
}

/// <summary>Expected demand over the horizon and the silo count that serves its peak.</summary>
public sealed record CapacityForecastResponse(
    DateTimeOffset ComputedAt,
    double HorizonHours,
    int UpcomingShowtimes,
    int ExpectedSeats,
    double ExpectedSeatsPerHour,
    double PeakRequestsPerSecond,
    int RecommendedSilos,
    IReadOnlyList<ShowtimeDemandResponse> Busiest,
    IReadOnlyList<CapacityPointResponse> Timeline)
{
    public static CapacityForecastResponse From(Marquee.Operations.CapacityForecast forecast) =>
        new(forecast.ComputedAt, forecast.Horizon.TotalHours, forecast.UpcomingShowtimes, forecast.ExpectedSeats,
            forecast.ExpectedSeatsPerHour, forecast.PeakRequestsPerSecond, forecast.RecommendedSilos,
            forecast.Busiest.Select(ShowtimeDemandResponse.From).ToList(),
            forecast.Timeline.Select(point => new CapacityPointResponse(point.At, point.ExpectedSeatsPerHour, point.RecommendedSilos)).ToList());
}

/// <summary>One hour of the horizon: expected seat sales per hour then, and the silos they call for.</summary>
public sealed record CapacityPointResponse(DateTimeOffset At, double ExpectedSeatsPerHour, int RecommendedSilos);
