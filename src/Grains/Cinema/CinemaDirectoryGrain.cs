using Marquee.Common;
using Npgsql;
using Orleans.Concurrency;

namespace Marquee.Cinema;

/// <summary>Public listings of cinemas and auditoriums, as queries over their read models.</summary>
[StatelessWorker]
public sealed class CinemaDirectoryGrain(NpgsqlDataSource dataSource) : Grain, ICinemaDirectoryGrain
{
    public Task<Page<CinemaInfo>> ListCinemasAsync(string? neighbourhood, int pageNumber, int pageSize)
    {
        const string Filter = "WHERE ($1::text IS NULL OR lower(neighbourhood) = lower($1))";
        return PagedQuery.RunAsync(dataSource,
            $"SELECT count(*) FROM cinemas {Filter}",
            $"SELECT id, name, neighbourhood, address, created_at FROM cinemas {Filter} ORDER BY name, id LIMIT $2 OFFSET $3",
            [string.IsNullOrWhiteSpace(neighbourhood) ? null : neighbourhood.Trim()], pageNumber, pageSize,
            reader => new CinemaInfo(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
    }

    public Task<Page<AuditoriumSummary>> ListAuditoriumsAsync(Guid cinemaId, int pageNumber, int pageSize) =>
        PagedQuery.RunAsync(dataSource,
            "SELECT count(*) FROM auditoriums WHERE cinema_id = $1",
            "SELECT id, cinema_id, name, capacity FROM auditoriums WHERE cinema_id = $1 ORDER BY name, id LIMIT $2 OFFSET $3",
            [cinemaId], pageNumber, pageSize,
            reader => new AuditoriumSummary(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3)));
}
