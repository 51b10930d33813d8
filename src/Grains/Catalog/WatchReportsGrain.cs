using Marquee.Common;
using Npgsql;
using Orleans.Concurrency;

namespace Marquee.Catalog;

/// <summary>SPEC B's watch report, computed by one query per page over the watched and movies tables.</summary>
[StatelessWorker]
public sealed class WatchReportsGrain(NpgsqlDataSource dataSource) : Grain, IWatchReportsGrain
{
    // The most watched theme counts each watched movie once per genre it carries; a tie goes to the
    // theme whose latest mark is newest (seq), then to the lower genre id so the answer is stable.
    private const string ReportColumns = """
        SELECT u.id,
               (SELECT count(*) FROM watched w WHERE w.user_id = u.id),
               theme.id, theme.name, theme.films,
               last_film.id, last_film.title
        FROM users u
        LEFT JOIN LATERAL (
            SELECT g.id, g.name, count(*) AS films
            FROM watched w JOIN movies m ON m.id = w.movie_id
                 CROSS JOIN LATERAL unnest(m.genre_ids) AS genre_id JOIN genres g ON g.id = genre_id
            WHERE w.user_id = u.id
            GROUP BY g.id, g.name
            ORDER BY count(*) DESC, max(w.seq) DESC, g.id
            LIMIT 1) theme ON true
        LEFT JOIN LATERAL (
            SELECT m.id, m.title FROM watched w JOIN movies m ON m.id = w.movie_id
            WHERE w.user_id = u.id ORDER BY w.seq DESC LIMIT 1) last_film ON true
        """;

    public async Task<WatchReport> GetForAsync(Guid userId, Viewer viewer)
    {
        // As for accounts: another user's report is answered as if the user did not exist.
        if (!viewer.IsSelfOrAdmin(userId))
        {
            throw new NotFoundException($"User {userId} does not exist.");
        }
        await using var command = dataSource.CreateCommand($"{ReportColumns} WHERE u.id = $1");
        command.Parameters.AddValues(userId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : throw new NotFoundException($"User {userId} does not exist.");
    }

    public Task<Page<WatchReport>> ListAsync(int pageNumber, int pageSize) =>
        PagedQuery.RunAsync(dataSource,
            "SELECT count(*) FROM users",
            $"{ReportColumns} ORDER BY u.created_at, u.id LIMIT $1 OFFSET $2",
            [], pageNumber, pageSize, Read);

    private static WatchReport Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        (int)reader.GetInt64(1),
        reader.IsDBNull(2) ? null : new ThemeTally(reader.GetInt32(2), reader.GetString(3), (int)reader.GetInt64(4)),
        reader.IsDBNull(5) ? null : new FilmRef(reader.GetInt32(5), reader.GetString(6)));
}
