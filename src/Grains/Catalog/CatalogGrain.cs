using Marquee.Common;
using Npgsql;
using Orleans.Concurrency;

namespace Marquee.Catalog;

/// <summary>Genre and movie queries over the catalog tables; fetches and stores movies the source knows and we do not.</summary>
[StatelessWorker]
public sealed class CatalogGrain(NpgsqlDataSource dataSource, CatalogStore store, IMovieSource source) : Grain, ICatalogGrain
{
    public Task<Page<GenreInfo>> ListGenresAsync(GenreFilter filter, int pageNumber, int pageSize)
    {
        const string Where = """
            WHERE ($1::text IS NULL OR lower(g.name) LIKE $1 ESCAPE '\')
              AND ($2::boolean IS NULL OR g.active = $2)
              AND ($3::boolean IS NULL OR EXISTS (SELECT 1 FROM packages p WHERE NOT p.retired AND p.genre_ids @> ARRAY[g.id]) = $3)
              AND ($4::integer[] IS NULL OR g.id = ANY($4))
            """;
        return PagedQuery.RunAsync(dataSource,
            $"SELECT count(*) FROM genres g {Where}",
            $"SELECT g.id, g.name, g.active FROM genres g {Where} ORDER BY g.name, g.id LIMIT $5 OFFSET $6",
            [SqlText.ContainsPattern(filter.NameContains), filter.Active, filter.UsedByPackages, filter.Ids?.ToArray()],
            pageNumber, pageSize,
            reader => new GenreInfo(reader.GetInt32(0), reader.GetString(1), reader.GetBoolean(2)));
    }

    public Task<Page<MovieInfo>> ListMoviesForUserAsync(Guid userId, MovieFilter filter, int pageNumber, int pageSize) =>
        PagedQuery.RunAsync(dataSource, Entitlement.MoviesCountSql, Entitlement.MoviesPageSql,
            Entitlement.MovieParameters(userId, filter), pageNumber, pageSize, reader => CatalogStore.ReadMovie(reader));

    public Task<Page<MovieInfo>> SearchMoviesAsync(string? titleContains, int pageNumber, int pageSize)
    {
        const string Where = "WHERE ($1::text IS NULL OR lower(title) LIKE $1 ESCAPE '\\')";
        return PagedQuery.RunAsync(dataSource,
            $"SELECT count(*) FROM movies {Where}",
            $"SELECT {CatalogStore.MovieColumns} FROM movies {Where} ORDER BY popularity DESC, lower(title), id LIMIT $2 OFFSET $3",
            [SqlText.ContainsPattern(titleContains)], pageNumber, pageSize, reader => CatalogStore.ReadMovie(reader));
    }

    public async Task<MovieInfo> GetMovieAsync(int movieId) =>
        await store.FindMovieAsync(movieId) ?? await FetchAndStoreAsync(movieId);

    public async Task<MovieInfo> GetMovieDetailsAsync(int movieId)
    {
        var stored = await store.FindMovieAsync(movieId);
        return stored is { RuntimeMinutes: not null } ? stored : await FetchAndStoreAsync(movieId);
    }

    private async Task<MovieInfo> FetchAndStoreAsync(int movieId)
    {
        if (movieId <= 0)
        {
            throw new NotFoundException($"Movie {movieId} does not exist.");
        }
        var movie = await source.GetMovieAsync(movieId) ?? throw new NotFoundException($"Movie {movieId} does not exist.");
        await store.UpsertMoviesAsync([movie]);
        return movie;
    }
}
