using System.ComponentModel.DataAnnotations;

namespace Marquee.Operations;

/// <summary>
/// The demand forecast's assumptions. The defaults come from docs/cinema-study.md (how full a
/// screening gets, how sharp release peaks are) and from bench/run.sh (what one silo serves).
/// </summary>
public sealed class ForecastOptions
{
    public const string Section = "Forecast";

    /// <summary>Showtimes starting within this window are forecast.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "31.00:00:00")]
    public TimeSpan Horizon { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Orders created within this window give a showtime's sales velocity.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan VelocityWindow { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a computed forecast is served before it is computed again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Share of the seats a screening of an obscure movie sells.</summary>
    [Range(0.0, 1.0)]
    public double BaseFill { get; set; } = 0.10;

    /// <summary>Extra share of the seats the most popular upcoming movie sells on top of <see cref="BaseFill"/>.</summary>
    [Range(0.0, 1.0)]
    public double PopularityFill { get; set; } = 0.70;

    /// <summary>Seats sold within the velocity window after which the velocity alone is trusted over popularity.</summary>
    [Range(1, 10_000)]
    public int ConfidentAfterSeats { get; set; } = 20;

    /// <summary>API requests behind one sold seat: listings, seat map, hold, order, status polls.</summary>
    [Range(1.0, 1_000.0)]
    public double RequestsPerSeat { get; set; } = 15;

    /// <summary>Peak request rate over the hourly average: releases open at one moment and everyone comes.</summary>
    [Range(1.0, 100.0)]
    public double PeakFactor { get; set; } = 4;

    /// <summary>Requests per second one silo serves within its latency goals (bench/run.sh, checkout and hot-holds).</summary>
    [Range(1.0, 1_000_000.0)]
    public double RequestsPerSiloPerSecond { get; set; } = 250;

    /// <summary>Never fewer: one silo can crash without taking the service down.</summary>
    [Range(1, 1_000)]
    public int MinSilos { get; set; } = 2;

    [Range(1, 1_000)]
    public int MaxSilos { get; set; } = 24;

    /// <summary>How many showtimes the forecast lists, busiest first.</summary>
    [Range(0, 1_000)]
    public int ListedShowtimes { get; set; } = 20;
}
