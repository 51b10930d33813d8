using Marquee.Common;
using Npgsql;

namespace Marquee.Catalog;

/// <summary>
/// One user's subscriptions and watch history, keyed by user id. The rows are the truth (reports and
/// listings query them); the grain's part is to run one user's changes one at a time, in order.
/// </summary>
public sealed class LibraryGrain(NpgsqlDataSource dataSource, TimeProvider clock) : Grain, ILibraryGrain
{
    private const string PackageColumns = "p.id, p.name, p.genre_ids, p.description, p.price_cents, p.created_at, p.updated_at, p.version, p.retired";

    private Guid UserId => this.GetPrimaryKey();

    public async Task<SubscribeResult> SubscribeAsync(Guid packageId)
    {
        if (await FindActiveSubscriptionAsync(packageId) is { } existing)
        {
            return new SubscribeResult(existing, Created: false);
        }

        // FOR SHARE makes a concurrent retirement wait for this insert, or this insert see the retirement.
        await using (var command = dataSource.CreateCommand("""
            WITH open_package AS (SELECT id FROM packages WHERE id = $2 AND NOT retired FOR SHARE)
            INSERT INTO subscriptions (user_id, package_id, subscribed_at) SELECT $1, id, $3 FROM open_package
            ON CONFLICT (user_id, package_id) DO UPDATE SET subscribed_at = EXCLUDED.subscribed_at, cancelled_at = NULL
            """))
        {
            command.Parameters.AddValues(UserId, packageId, clock.GetUtcNow());
            if (await command.ExecuteNonQueryAsync() == 0)
            {
                var package = await GrainFactory.GetGrain<IPackagesGrain>(0).GetAsync(packageId);
                throw new ConflictException($"The package '{package.Name}' is retired and takes no new subscribers.");
            }
        }
        var created = await FindActiveSubscriptionAsync(packageId) ?? throw new InvalidOperationException("A subscription just written is missing.");
        return new SubscribeResult(created, Created: true);
    }

    public async Task CancelSubscriptionAsync(Guid packageId)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE subscriptions SET cancelled_at = $3 WHERE user_id = $1 AND package_id = $2 AND cancelled_at IS NULL");
        command.Parameters.AddValues(UserId, packageId, clock.GetUtcNow());
        if (await command.ExecuteNonQueryAsync() == 0)
        {
            // Cancelling twice is fine; cancelling a package that never existed is a mistake worth a 404.
            await GrainFactory.GetGrain<IPackagesGrain>(0).GetAsync(packageId);
        }
    }

    public Task<Page<SubscriptionInfo>> ListSubscriptionsAsync(int pageNumber, int pageSize) =>
        PagedQuery.RunAsync(dataSource,
            "SELECT count(*) FROM subscriptions WHERE user_id = $1 AND cancelled_at IS NULL",
            $"""
            SELECT {PackageColumns}, s.subscribed_at FROM subscriptions s JOIN packages p ON p.id = s.package_id
            WHERE s.user_id = $1 AND s.cancelled_at IS NULL ORDER BY s.subscribed_at DESC, p.id LIMIT $2 OFFSET $3
            """,
            [UserId], pageNumber, pageSize,
            reader => new SubscriptionInfo(PackagesGrain.Read(reader), reader.GetFieldValue<DateTimeOffset>(9)));

    public async Task<MarkWatchedResult> MarkWatchedAsync(int movieId)
    {
        // Looks the movie up in TMDB and stores it when we have never seen it.
        var movie = await GrainFactory.GetGrain<ICatalogGrain>(0).GetMovieAsync(movieId);

        // Access first; the insert and the earlier mark are read in one statement (the CTE's insert is
        // invisible to the last subquery, which therefore sees only a mark made before this call).
        await using var command = dataSource.CreateCommand($"""
            WITH {Entitlement.AllowedGenres},
            access AS (SELECT EXISTS (SELECT 1 FROM movies m, allowed a WHERE m.id = $2 AND m.genre_ids && a.genres) AS ok),
            marked AS (
                INSERT INTO watched (user_id, movie_id, watched_at) SELECT $1, $2, $3 FROM access WHERE ok
                ON CONFLICT (user_id, movie_id) DO NOTHING RETURNING watched_at)
            SELECT (SELECT ok FROM access), (SELECT watched_at FROM marked), (SELECT watched_at FROM watched WHERE user_id = $1 AND movie_id = $2)
            """);
        command.Parameters.AddValues(UserId, movieId, clock.GetUtcNow());
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        if (!reader.GetBoolean(0))
        {
            throw new ForbiddenException($"'{movie.Title}' is not in any genre your packages unlock.");
        }
        return reader.IsDBNull(1)
            ? new MarkWatchedResult(new WatchedMovie(movie, reader.GetFieldValue<DateTimeOffset>(2)), Created: false)
            : new MarkWatchedResult(new WatchedMovie(movie, reader.GetFieldValue<DateTimeOffset>(1)), Created: true);
    }

    public async Task UnmarkWatchedAsync(int movieId)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM watched WHERE user_id = $1 AND movie_id = $2");
        command.Parameters.AddValues(UserId, movieId);
        await command.ExecuteNonQueryAsync();
    }

    public Task<Page<WatchedMovie>> ListWatchedAsync(int pageNumber, int pageSize) =>
        PagedQuery.RunAsync(dataSource,
            "SELECT count(*) FROM watched WHERE user_id = $1",
            """
            SELECT m.id, m.title, m.genre_ids, m.release_date, m.poster_path, m.popularity, m.runtime_minutes, w.watched_at
            FROM watched w JOIN movies m ON m.id = w.movie_id WHERE w.user_id = $1 ORDER BY w.seq DESC LIMIT $2 OFFSET $3
            """,
            [UserId], pageNumber, pageSize,
            reader => new WatchedMovie(CatalogStore.ReadMovie(reader), reader.GetFieldValue<DateTimeOffset>(7)));

    private async Task<SubscriptionInfo?> FindActiveSubscriptionAsync(Guid packageId)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {PackageColumns}, s.subscribed_at FROM subscriptions s JOIN packages p ON p.id = s.package_id
            WHERE s.user_id = $1 AND s.package_id = $2 AND s.cancelled_at IS NULL
            """);
        command.Parameters.AddValues(UserId, packageId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new SubscriptionInfo(PackagesGrain.Read(reader), reader.GetFieldValue<DateTimeOffset>(9)) : null;
    }
}
