using System.Text;
using Npgsql;

namespace Marquee.Silo.Tests;

/// <summary>A textual picture of everything a migration can change: columns, indexes, constraints, stored queries, history.</summary>
internal static class SchemaSnapshot
{
    public static async Task<string> TakeAsync(NpgsqlDataSource dataSource)
    {
        var snapshot = new StringBuilder();
        foreach (var sql in new[]
        {
            "SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2",
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1",
            "SELECT querykey, md5(querytext) FROM orleansquery ORDER BY 1",
            "SELECT version, name, checksum, applied_at::text FROM schema_migrations ORDER BY 1",
        })
        {
            await using var command = dataSource.CreateCommand(sql);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    snapshot.Append(reader.GetValue(i)).Append('|');
                }
                snapshot.AppendLine();
            }
        }
        return snapshot.ToString();
    }
}
