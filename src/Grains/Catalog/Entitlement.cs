using Marquee.Common;

namespace Marquee.Catalog;

/// <summary>What a user may watch, as the SQL every entitlement check and the movie listing share.</summary>
public static class Entitlement
{
    /// <summary>
    /// A CTE <c>allowed(genres)</c>: the union of the genres of user <c>$1</c>'s active subscriptions.
    /// Retired packages still count for the subscribers they already have; inactive genres too.
    /// </summary>
    public const string AllowedGenres = """
        allowed AS (
            SELECT coalesce(array_agg(DISTINCT g), '{}'::integer[]) AS genres
            FROM subscriptions s JOIN packages p ON p.id = s.package_id CROSS JOIN LATERAL unnest(p.genre_ids) AS g
            WHERE s.user_id = $1 AND s.cancelled_at IS NULL)
        """;

    // A genre filter ($2) only narrows: naming only genres outside the allowed set leaves an empty set,
    // and && with an empty set is false.
    private const string VisibleMovies = $"""
        WITH {AllowedGenres},
        visible AS (
            SELECT CASE WHEN $2::integer[] IS NULL THEN a.genres
                        ELSE ARRAY(SELECT unnest(a.genres) INTERSECT SELECT unnest($2::integer[])) END AS genres
            FROM allowed a)
        """;

    private const string VisibleWhere = "FROM movies m, visible v WHERE m.genre_ids && v.genres AND ($3::text IS NULL OR lower(m.title) LIKE $3 ESCAPE '\\')";

    /// <summary>Counts the movies user $1 may see, filtered by genres $2 and title pattern $3.</summary>
    public const string MoviesCountSql = $"{VisibleMovies} SELECT count(*) {VisibleWhere}";

    /// <summary>One page of those movies (LIMIT $4 OFFSET $5), most popular first, in <see cref="CatalogStore.MovieColumns"/> order.</summary>
    public const string MoviesPageSql = $"{VisibleMovies} SELECT m.id, m.title, m.genre_ids, m.release_date, m.poster_path, m.popularity, m.runtime_minutes {VisibleWhere} " +
        "ORDER BY m.popularity DESC, m.release_date DESC NULLS LAST, m.id LIMIT $4 OFFSET $5";

    /// <summary>$1..$3 for <see cref="MoviesCountSql"/> and <see cref="MoviesPageSql"/>.</summary>
    public static IReadOnlyList<object?> MovieParameters(Guid userId, MovieFilter filter) =>
        [userId, filter.GenreIds?.Distinct().ToArray(), SqlText.ContainsPattern(filter.TitleContains)];
}
