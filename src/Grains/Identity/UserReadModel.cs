using Marquee.Common;
using Npgsql;
using NpgsqlTypes;

namespace Marquee.Identity;

/// <summary>Keeps the <c>users</c> table in step with account grains; every write is an idempotent upsert.</summary>
public sealed class UserReadModel(NpgsqlDataSource dataSource)
{
    public async Task UpsertAsync(UserProfile user, DateTimeOffset updatedAt)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO users (id, email, email_normalized, display_name, roles, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (id) DO UPDATE
               SET email = EXCLUDED.email, email_normalized = EXCLUDED.email_normalized,
                   display_name = EXCLUDED.display_name, roles = EXCLUDED.roles, updated_at = EXCLUDED.updated_at
             WHERE users.updated_at <= EXCLUDED.updated_at
            """);
        command.Parameters.AddValues(
            user.Id,
            user.Email,
            EmailAddress.Normalize(user.Email),
            user.DisplayName,
            SqlParameters.Typed(user.Roles.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            user.CreatedAt,
            updatedAt);
        await command.ExecuteNonQueryAsync();
    }
}
