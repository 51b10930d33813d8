namespace Marquee.Operations;

/// <summary>An upcoming showtime with what has been sold for it, as read from the read models.</summary>
public sealed record UpcomingShowtime(
    Guid Id,
    int MovieId,
    string MovieTitle,
    DateTimeOffset StartsAt,
    int Capacity,
    double Popularity,
    int SoldSeats,
    int RecentSeats);

/// <summary>
/// The forecast's arithmetic, kept apart from its queries so each rule can be checked on its own.
/// A showtime's expected audience blends two signals: its sales velocity projected to its start,
/// trusted more as more recent sales are seen, and a prior from the movie's popularity for showtimes
/// that have barely started selling. What remains to sell is spread evenly over the hours left.
/// </summary>
public static class DemandModel
{
    public static ShowtimeDemand Estimate(UpcomingShowtime showtime, double maxPopularity, DateTimeOffset now, ForecastOptions options)
    {
        var hoursToStart = Math.Max(0, (showtime.StartsAt - now).TotalHours);
        var seatsPerHour = showtime.RecentSeats / options.VelocityWindow.TotalHours;
        var popularityShare = maxPopularity > 0 ? Math.Clamp(showtime.Popularity / maxPopularity, 0, 1) : 0;

        var prior = showtime.Capacity * (options.BaseFill + options.PopularityFill * popularityShare);
        var projected = showtime.SoldSeats + seatsPerHour * hoursToStart;
        var trust = Math.Min(1, (double)showtime.RecentSeats / options.ConfidentAfterSeats);
        var blended = trust * projected + (1 - trust) * Math.Max(prior, showtime.SoldSeats);
        var expected = (int)Math.Ceiling(Math.Clamp(blended, showtime.SoldSeats, Math.Max(showtime.Capacity, showtime.SoldSeats)));

        // A showtime starting within the hour sells its remainder within the hour.
        var perHourNow = (expected - showtime.SoldSeats) / Math.Max(1, hoursToStart);
        return new ShowtimeDemand(showtime.Id, showtime.MovieId, showtime.MovieTitle, showtime.StartsAt, showtime.Capacity,
            showtime.SoldSeats, seatsPerHour, popularityShare, expected, perHourNow);
    }

    public static CapacityForecast Forecast(IReadOnlyCollection<UpcomingShowtime> showtimes, DateTimeOffset now, ForecastOptions options)
    {
        var maxPopularity = showtimes.Count == 0 ? 0 : showtimes.Max(showtime => showtime.Popularity);
        var demands = showtimes.Select(showtime => Estimate(showtime, maxPopularity, now, options)).ToList();
        var seatsPerHour = demands.Sum(demand => demand.ExpectedSeatsPerHourNow);
        var peakRequestsPerSecond = PeakRequestsPerSecond(seatsPerHour, options);
        var busiest = demands
            .OrderByDescending(demand => demand.ExpectedSeatsPerHourNow)
            .ThenBy(demand => demand.StartsAt)
            .ThenBy(demand => demand.ShowtimeId)
            .Take(options.ListedShowtimes)
            .ToList();
        return new CapacityForecast(now, options.Horizon, demands.Count, demands.Sum(demand => demand.ExpectedSeats),
            seatsPerHour, peakRequestsPerSecond, RecommendedSilos(peakRequestsPerSecond, options), busiest, Timeline(demands, now, options));
    }

    /// <summary>
    /// The recommendation hour by hour over the horizon, as the model sees it now: each showtime keeps
    /// selling its remainder at its current rate until it starts, then stops counting.
    /// </summary>
    public static IReadOnlyList<CapacityPoint> Timeline(IReadOnlyCollection<ShowtimeDemand> demands, DateTimeOffset now, ForecastOptions options)
    {
        var hours = (int)Math.Ceiling(options.Horizon.TotalHours);
        var points = new List<CapacityPoint>(hours);
        for (var hour = 0; hour < hours; hour++)
        {
            var at = now.AddHours(hour);
            var seatsPerHour = demands.Where(demand => demand.StartsAt > at).Sum(demand => demand.ExpectedSeatsPerHourNow);
            points.Add(new CapacityPoint(at, seatsPerHour, RecommendedSilos(PeakRequestsPerSecond(seatsPerHour, options), options)));
        }
        return points;
    }

    private static double PeakRequestsPerSecond(double seatsPerHour, ForecastOptions options) =>
        seatsPerHour * options.RequestsPerSeat * options.PeakFactor / 3600;

    public static int RecommendedSilos(double peakRequestsPerSecond, ForecastOptions options)
    {
        var needed = (int)Math.Min(int.MaxValue, Math.Ceiling(peakRequestsPerSecond / options.RequestsPerSiloPerSecond));
        return Math.Clamp(needed, options.MinSilos, Math.Max(options.MinSilos, options.MaxSilos));
    }
}
