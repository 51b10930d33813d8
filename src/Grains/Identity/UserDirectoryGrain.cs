using Marquee.Common;
using Npgsql;
using Orleans.Concurrency;

namespace Marquee.Identity;

/// <summary>Listing and filtering accounts is a query over the <c>users</c> read model, never a scan of grains.</summary>
[StatelessWorker]
public sealed class UserDirectoryGrain(NpgsqlDataSource dataSource) : Grain, IUserDirectoryGrain
{
    public Task<Page<UserProfile>> ListAsync(UserQuery query)
    {
        const string Filter = """
            WHERE ($1::text IS NULL OR email_normalized LIKE '%' || $1 || '%')
              AND ($2::text IS NULL OR $2 = ANY (roles))
            """;
        var emailFilter = string.IsNullOrWhiteSpace(query.EmailContains) ? null : EscapeLike(EmailAddress.Normalize(query.EmailContains));
        return PagedQuery.RunAsync(dataSource,
            $"SELECT count(*) FROM users {Filter}",
            $"SELECT id, email, display_name, roles, created_at FROM users {Filter} ORDER BY created_at, id LIMIT $3 OFFSET $4",
            [emailFilter, query.Role], query.PageNumber, query.PageSize,
            reader => new UserProfile(reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<string[]>(3), reader.GetFieldValue<DateTimeOffset>(4)));
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
