using Marquee.Common;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marquee.Operations;

/// <summary>
/// One per cluster. Reads upcoming showtimes with their sales in one query and serves the result for
/// <see cref="ForecastOptions.RefreshInterval"/>, so the gauges on every silo cost one query a minute
/// however many silos ask; an admin asking through the API gets one computed on the spot.
/// </summary>
public sealed class CapacityForecastGrain(NpgsqlDataSource dataSource, IOptions<ForecastOptions> options, TimeProvider clock)
    : Grain, ICapacityForecastGrain
{
    private const string UpcomingSql = """
        SELECT s.id, s.movie_id, s.movie_title, s.starts_at, s.capacity, m.popularity,
               coalesce(sum(o.seats) FILTER (WHERE o.status = $4), 0)::int,
               coalesce(sum(o.seats) FILTER (WHERE o.created_at > $3 AND o.status <> $5), 0)::int
        FROM showtimes s
        JOIN movies m ON m.id = s.movie_id
        LEFT JOIN orders o ON o.showtime_id = s.id
        WHERE s.starts_at > $1 AND s.starts_at <= $2
        GROUP BY s.id, m.popularity
        """;

    private CapacityForecast? _latest;

    public async Task<CapacityForecast> GetAsync() =>
        _latest is { } latest && clock.GetUtcNow() - latest.ComputedAt < options.Value.RefreshInterval
            ? latest
            : await RefreshAsync();

    public async Task<CapacityForecast> RefreshAsync()
    {
        var now = clock.GetUtcNow();
        _latest = DemandModel.Forecast(await ReadUpcomingAsync(now), now, options.Value);
        return _latest;
    }

    private async Task<List<UpcomingShowtime>> ReadUpcomingAsync(DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand(UpcomingSql);
        command.Parameters.AddValues(
            now,
            now + options.Value.Horizon,
            now - options.Value.VelocityWindow,
            Orders.OrderStatusColumn.Approved,
            Orders.OrderStatusColumn.Cancelled);
        await using var reader = await command.ExecuteReaderAsync();
        var showtimes = new List<UpcomingShowtime>();
        while (await reader.ReadAsync())
        {
            showtimes.Add(new UpcomingShowtime(reader.GetGuid(0), reader.GetInt32(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(4), reader.GetDouble(5), reader.GetInt32(6), reader.GetInt32(7)));
        }
        return showtimes;
    }
}
