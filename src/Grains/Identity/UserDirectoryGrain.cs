using Marquee.Common;
using Npgsql;
using Orleans.Concurrency;

namespace Marquee.Identity;

/// <summary>Listing and filtering accounts is a query over the <c>users</c> read model, never a scan of grains.</summary>
[StatelessWorker]
public sealed class UserDirectoryGrain(NpgsqlDataSource dataSource) : Grain, IUserDirectoryGrain
{
    public async Task<Page<UserProfile>> ListAsync(UserQuery query)
    {
        const string Filter = """
            WHERE ($1::text IS NULL OR email_normalized LIKE '%' || $1 || '%')
              AND ($2::text IS NULL OR $2 = ANY (roles))
            """;
        var emailFilter = string.IsNullOrWhiteSpace(query.EmailContains) ? null : EscapeLike(EmailAddress.Normalize(query.EmailContains));

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"SELECT count(*) FROM users {Filter}", emailFilter, query.Role),
                Command($"""
                    SELECT id, email, display_name, roles, created_at FROM users {Filter}
                    ORDER BY created_at, id LIMIT $3 OFFSET $4
                    """, emailFilter, query.Role, query.PageSize, (query.PageNumber - 1) * query.PageSize),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        var total = reader.GetInt64(0);
        await reader.NextResultAsync();
        var users = new List<UserProfile>();
        while (await reader.ReadAsync())
        {
            users.Add(new UserProfile(reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<string[]>(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }
        return new Page<UserProfile>(users, query.PageNumber, query.PageSize, total);
    }

    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        return command;
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
