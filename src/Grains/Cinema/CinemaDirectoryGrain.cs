using Marquee.Common;
using Npgsql;
using Orleans.Concurrency;

namespace Marquee.Cinema;

/// <summary>Public listings of cinemas and auditoriums, as queries over their read models.</summary>
[StatelessWorker]
public sealed class CinemaDirectoryGrain(NpgsqlDataSource dataSource) : Grain, ICinemaDirectoryGrain
{
    public async Task<Page<CinemaInfo>> ListCinemasAsync(string? neighbourhood, int pageNumber, int pageSize)
    {
        const string Filter = "WHERE ($1::text IS NULL OR lower(neighbourhood) = lower($1))";
        return await PageAsync(
            $"SELECT count(*) FROM cinemas {Filter}",
            $"SELECT id, name, neighbourhood, address, created_at FROM cinemas {Filter} ORDER BY name, id LIMIT $2 OFFSET $3",
            string.IsNullOrWhiteSpace(neighbourhood) ? null : neighbourhood.Trim(), pageNumber, pageSize,
            reader => new CinemaInfo(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
    }

    public async Task<Page<AuditoriumSummary>> ListAuditoriumsAsync(Guid cinemaId, int pageNumber, int pageSize) =>
        await PageAsync(
            "SELECT count(*) FROM auditoriums WHERE cinema_id = $1",
            "SELECT id, cinema_id, name, capacity FROM auditoriums WHERE cinema_id = $1 ORDER BY name, id LIMIT $2 OFFSET $3",
            cinemaId, pageNumber, pageSize,
            reader => new AuditoriumSummary(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3)));

    private async Task<Page<T>> PageAsync<T>(string countSql, string pageSql, object? filter, int pageNumber, int pageSize, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        var count = new NpgsqlBatchCommand(countSql);
        count.Parameters.Add(new NpgsqlParameter { Value = filter ?? DBNull.Value });
        var page = new NpgsqlBatchCommand(pageSql);
        page.Parameters.Add(new NpgsqlParameter { Value = filter ?? DBNull.Value });
        page.Parameters.Add(new NpgsqlParameter { Value = pageSize });
        page.Parameters.Add(new NpgsqlParameter { Value = (pageNumber - 1) * pageSize });
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(page);
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        var total = reader.GetInt64(0);
        await reader.NextResultAsync();
        var items = new List<T>();
        while (await reader.ReadAsync())
        {
            items.Add(read(reader));
        }
        return new Page<T>(items, pageNumber, pageSize, total);
    }
}
