using Npgsql;
using NpgsqlTypes;

namespace Marquee.Baseline;

public sealed record Hold(Guid HoldId, IReadOnlyList<string> Seats, DateTimeOffset ExpiresAt);

public sealed record SeatMap(Guid ShowtimeId, int Capacity, IReadOnlyList<SeatView> Seats);

public sealed record SeatView(string Seat, string Row, int Number, string Kind, string Status);

/// <summary>
/// A showtime's seats as rows of one table, each request one statement on a pooled connection (prepared
/// automatically after its second use). There is no index on the columns a hold changes, so every hold and
/// release is a HOT update (the fill factor leaves each page room for it); the per-user cap and the
/// release read the showtime's 300 rows through the primary key instead.
/// </summary>
public sealed class SeatStore(NpgsqlDataSource database)
{
    public const int MaxSeatsPerUser = 10;

    public async Task CreateSchemaAsync()
    {
        await using var command = database.CreateCommand("""
            CREATE TABLE IF NOT EXISTS baseline_seats (
                showtime_id uuid NOT NULL,
                label text NOT NULL,
                row_name text NOT NULL,
                number int NOT NULL,
                position int NOT NULL,
                kind text NOT NULL,
                hold_id uuid,
                holder uuid,
                expires_at timestamptz,
                PRIMARY KEY (showtime_id, label)
            ) WITH (fillfactor = 70)
            """);
        await command.ExecuteNonQueryAsync();
    }

    public async Task LayOutAsync(Guid showtimeId, int rows, int seatsPerRow)
    {
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(Command("DELETE FROM baseline_seats WHERE showtime_id = $1", showtimeId));
        batch.BatchCommands.Add(Command("""
            INSERT INTO baseline_seats (showtime_id, label, row_name, number, position, kind)
            SELECT $1, chr(65 + r) || n, chr(65 + r), n, r * $3 + n, 'standard'
            FROM generate_series(0, $2 - 1) AS r, generate_series(1, $3) AS n
            """, showtimeId, rows, seatsPerRow));
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// All the named seats or none: the free ones are locked (in label order, so two holds never
    /// deadlock), and the update happens only when every seat named was free and the user stays
    /// within the cap. The cap is read without a lock, so one user's concurrent holds could pass it
    /// together; closing that takes a second round trip (an advisory lock first), which the
    /// benchmarks, one seat per user at a time, would pay for nothing.
    /// </summary>
    public async Task<Hold?> HoldAsync(Guid showtimeId, Guid userId, IReadOnlyList<string> labels)
    {
        var wanted = labels.Select(label => label.Trim().ToUpperInvariant()).Distinct().ToArray();
        var holdId = Guid.NewGuid();
        await using var command = database.CreateCommand("""
            WITH free AS (
                SELECT label FROM baseline_seats
                WHERE showtime_id = $1 AND label = ANY($3) AND kind <> 'blocked' AND (hold_id IS NULL OR expires_at <= now())
                ORDER BY label
                FOR UPDATE),
            mine AS (
                SELECT count(*) AS held FROM baseline_seats
                WHERE showtime_id = $1 AND holder = $2 AND expires_at > now())
            UPDATE baseline_seats AS seat
            SET hold_id = $4, holder = $2, expires_at = now() + interval '10 minutes'
            FROM free
            WHERE seat.showtime_id = $1 AND seat.label = free.label
              AND (SELECT count(*) FROM free) = cardinality($3)
              AND (SELECT held FROM mine) + cardinality($3) <= $5
            RETURNING seat.expires_at
            """);
        Add(command.Parameters, showtimeId, userId, wanted, holdId, MaxSeatsPerUser);
        DateTimeOffset? expiresAt = null;
        var claimed = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                expiresAt = reader.GetFieldValue<DateTimeOffset>(0);
                claimed++;
            }
        }
        return claimed == wanted.Length ? new Hold(holdId, wanted, expiresAt!.Value) : null;
    }

    public async Task<bool> ReleaseAsync(Guid showtimeId, Guid userId, Guid holdId)
    {
        await using var command = database.CreateCommand("""
            UPDATE baseline_seats SET hold_id = NULL, holder = NULL, expires_at = NULL
            WHERE showtime_id = $1 AND hold_id = $3 AND holder = $2
            """);
        Add(command.Parameters, showtimeId, userId, holdId);
        return await command.ExecuteNonQueryAsync() > 0;
    }

    public async Task<SeatMap?> MapAsync(Guid showtimeId)
    {
        await using var command = database.CreateCommand("""
            SELECT label, row_name, number, kind, hold_id IS NOT NULL AND expires_at > now()
            FROM baseline_seats WHERE showtime_id = $1 ORDER BY position
            """);
        Add(command.Parameters, showtimeId);
        var seats = new List<SeatView>(capacity: 320);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var kind = reader.GetString(3);
            var status = kind == "blocked" ? "blocked" : reader.GetBoolean(4) ? "held" : "free";
            seats.Add(new SeatView(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), kind, status));
        }
        return seats.Count == 0 ? null : new SeatMap(showtimeId, seats.Count(seat => seat.Kind != "blocked"), seats);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        Add(command.Parameters, values);
        return command;
    }

    private static void Add(NpgsqlParameterCollection parameters, params object[] values)
    {
        foreach (var value in values)
        {
            parameters.Add(value is string[] array
                ? new NpgsqlParameter { Value = array, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text }
                : new NpgsqlParameter { Value = value });
        }
    }
}
