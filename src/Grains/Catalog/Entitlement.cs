namespace Marquee.Catalog;

/// <summary>What a user may watch, as SQL every entitlement check shares.</summary>
internal static class Entitlement
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
}
