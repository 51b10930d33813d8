using Npgsql;
using NpgsqlTypes;

namespace Marquee.Common;

/// <summary>
/// Positional parameters ($1, $2, …) from plain values, so a query is its SQL and one line of
/// values. A null becomes SQL NULL; where PostgreSQL cannot infer a null's type from the query, pass
/// <see cref="Typed"/> instead of the value.
/// </summary>
public static class SqlParameters
{
    public static void AddValues(this NpgsqlParameterCollection parameters, params ReadOnlySpan<object?> values)
    {
        foreach (var value in values)
        {
            parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }

    /// <summary>A value with its database type spelled out (for nulls the query gives no type to).</summary>
    public static NpgsqlParameter Typed(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
