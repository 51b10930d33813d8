using System.Text.Json;
using System.Text.Json.Serialization;
using Marquee.Common;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;

namespace Marquee.Cinema.Journal;

/// <summary>What the journal holds for one showtime: its layout, the latest snapshot and the events after it.</summary>
public sealed record StoredSeats(SeatLayout Layout, SeatBookSnapshot? Snapshot, IReadOnlyList<SeatEvent> Events);

/// <summary>
/// One coalesced write: the layout when it is new, the events made since the last write, and a
/// snapshot of the state they lead to when one is due.
/// </summary>
public sealed record SeatJournalWrite(SeatLayout? Layout, IReadOnlyList<SeatEvent> Events, SeatBookSnapshot? Snapshot)
{
    public bool IsEmpty => Layout is null && Events.Count == 0 && Snapshot is null;
}

/// <summary>
/// The seat journal in PostgreSQL (tables <c>seat_layouts</c>, <c>seat_events</c>, <c>seat_snapshots</c>).
/// A write is one round trip and all or nothing: its statements go as one batch, which PostgreSQL runs
/// as one implicit transaction. An event whose sequence is taken fails the whole write, which is how a
/// second activation of a map learns it is stale.
/// </summary>
public sealed class SeatJournal(NpgsqlDataSource database)
{
    public const int HistoryLimit = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task<StoredSeats?> LoadAsync(Guid showtimeId)
    {
        await using var connection = await database.OpenConnectionAsync();
        SeatLayout layout;
        SeatBookSnapshot? snapshot = null;
        await using (var batch = new NpgsqlBatch(connection))
        {
            batch.BatchCommands.Add(Command("SELECT rows_front_to_back, seats, starts_at FROM seat_layouts WHERE showtime_id = $1", showtimeId));
            batch.BatchCommands.Add(Command("SELECT state FROM seat_snapshots WHERE showtime_id = $1", showtimeId));
            await using var reader = await batch.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return null;
            }
            layout = new SeatLayout(
                reader.GetFieldValue<string[]>(0),
                JsonSerializer.Deserialize<List<SeatDefinition>>(reader.GetString(1), Json)!,
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
            await reader.NextResultAsync();
            if (await reader.ReadAsync())
            {
                snapshot = JsonSerializer.Deserialize<SeatBookSnapshot>(reader.GetString(0), Json);
            }
        }

        // A second statement, not a third in the batch: the events must start right after the snapshot
        // read above, even if a newer snapshot lands in between.
        await using var events = new NpgsqlCommand("""
            SELECT sequence, occurred_at, kind, hold_id, user_id, order_id, seats, expires_at
            FROM seat_events WHERE showtime_id = $1 AND sequence > $2 ORDER BY sequence
            """, connection);
        events.Parameters.AddValues(showtimeId, snapshot?.Sequence ?? 0L);
        var after = new List<SeatEvent>();
        await using (var reader = await events.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                after.Add(new SeatEvent(
                    reader.GetInt64(0),
                    reader.GetFieldValue<DateTimeOffset>(1),
                    ParseKind(reader.GetString(2)),
                    NullableGuid(reader, 3),
                    NullableGuid(reader, 4),
                    NullableGuid(reader, 5),
                    reader.GetFieldValue<string[]>(6),
                    reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
            }
        }
        return new StoredSeats(layout, snapshot, after);
    }

    /// <summary>Writes all of it or none of it; <see cref="InconsistentStateException"/> when another activation wrote any of it first.</summary>
    public async Task AppendAsync(Guid showtimeId, SeatJournalWrite write)
    {
        if (write.IsEmpty)
        {
            return;
        }
        await using var batch = database.CreateBatch();
        if (write.Layout is { } layout)
        {
            batch.BatchCommands.Add(Command(
                "INSERT INTO seat_layouts (showtime_id, rows_front_to_back, seats, starts_at) VALUES ($1, $2, $3, $4)",
                showtimeId, layout.RowsFrontToBack.ToArray(), Jsonb(layout.Seats), SqlParameters.Typed(layout.StartsAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz)));
        }
        foreach (var change in write.Events)
        {
            batch.BatchCommands.Add(Command("""
                INSERT INTO seat_events (showtime_id, sequence, occurred_at, kind, hold_id, user_id, order_id, seats, expires_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """,
                showtimeId, change.Sequence, change.At.ToUniversalTime(), KindName(change.Kind), change.HoldId, change.UserId, change.OrderId,
                change.Seats.ToArray(), change.ExpiresAt?.ToUniversalTime()));
        }
        if (write.Snapshot is { } snapshot)
        {
            batch.BatchCommands.Add(SnapshotCommand(showtimeId, snapshot));
        }
        try
        {
            await batch.ExecuteNonQueryAsync();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another activation of the map wrote this layout or these sequences first: this one is stale.
            // Without the driver's exception inside: callers across the grain boundary cannot deserialize it.
            throw new InconsistentStateException($"Seat map {showtimeId} was written by another activation first ({ex.ConstraintName}).");
        }
    }

    /// <summary>Records a snapshot unless a newer one is there already.</summary>
    public async Task SaveSnapshotAsync(Guid showtimeId, SeatBookSnapshot snapshot)
    {
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(SnapshotCommand(showtimeId, snapshot));
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>The latest <see cref="HistoryLimit"/> events that touched the seat, oldest first, with the account's email where known.</summary>
    public async Task<IReadOnlyList<SeatHistoryEntry>> HistoryAsync(Guid showtimeId, string seat)
    {
        await using var command = database.CreateCommand("""
            SELECT * FROM (
                SELECT e.sequence, e.occurred_at, e.kind, e.hold_id, e.user_id, u.email, e.order_id, e.expires_at, e.seats
                FROM seat_events e LEFT JOIN users u ON u.id = e.user_id
                WHERE e.showtime_id = $1 AND $2 = ANY (e.seats)
                ORDER BY e.sequence DESC
                LIMIT $3) latest
            ORDER BY sequence
            """);
        command.Parameters.AddValues(showtimeId, seat, HistoryLimit);
        var history = new List<SeatHistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            history.Add(new SeatHistoryEntry(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                ParseKind(reader.GetString(2)),
                NullableGuid(reader, 3),
                NullableGuid(reader, 4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                NullableGuid(reader, 6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.GetFieldValue<string[]>(8)));
        }
        return history;
    }

    /// <summary>How a kind is spelled in <c>seat_events.kind</c>: camelCase, as the API spells it.</summary>
    public static string KindName(SeatEventKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private static SeatEventKind ParseKind(string name) => Enum.Parse<SeatEventKind>(name, ignoreCase: true);

    private static NpgsqlBatchCommand SnapshotCommand(Guid showtimeId, SeatBookSnapshot snapshot) => Command("""
        INSERT INTO seat_snapshots (showtime_id, sequence, state) VALUES ($1, $2, $3)
        ON CONFLICT (showtime_id) DO UPDATE SET sequence = excluded.sequence, state = excluded.state, taken_at = now()
        WHERE seat_snapshots.sequence < excluded.sequence
        """, showtimeId, snapshot.Sequence, Jsonb(snapshot));

    private static NpgsqlBatchCommand Command(string sql, params ReadOnlySpan<object?> values)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddValues(values);
        return command;
    }

    private static NpgsqlParameter Jsonb<T>(T value) => SqlParameters.Typed(JsonSerializer.Serialize(value, Json), NpgsqlDbType.Jsonb);

    private static Guid? NullableGuid(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);
}
