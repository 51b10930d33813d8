using Marquee.Common;
using Npgsql;
using NpgsqlTypes;

namespace Marquee.Catalog;

/// <summary>The catalog's tables as the sync and the grains write and read them.</summary>
public sealed class CatalogStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    // Arbitrary but fixed, and distinct from the schema migrator's key.
    public const long SyncLockKey = 0x4D_51_43_41_54_01;

    /// <summary>The columns <see cref="ReadMovie"/> expects, in order; prefix with a table alias where needed.</summary>
    public const string MovieColumns = "id, title, genre_ids, release_date, poster_path, popularity, runtime_minutes";

    public static MovieInfo ReadMovie(NpgsqlDataReader reader, int offset = 0) => new(
        reader.GetInt32(offset),
        reader.GetString(offset + 1),
        reader.GetFieldValue<int[]>(offset + 2),
        reader.IsDBNull(offset + 3) ? null : reader.GetFieldValue<DateOnly>(offset + 3),
        reader.IsDBNull(offset + 4) ? null : reader.GetString(offset + 4),
        reader.GetDouble(offset + 5),
        reader.IsDBNull(offset + 6) ? null : reader.GetInt32(offset + 6));

    public async Task<DateTimeOffset?> LastSyncedAtAsync()
    {
        await using var command = dataSource.CreateCommand("SELECT synced_at FROM catalog_sync WHERE id = 1");
        return await command.ExecuteScalarAsync() is DateTime syncedAt ? new DateTimeOffset(syncedAt, TimeSpan.Zero) : null;
    }

    /// <summary>
    /// The cluster-wide sync lock; null when another process holds it. Orleans keeps one sync grain
    /// activation, but only eventually during membership changes: this closes that gap.
    /// </summary>
    public Task<AdvisoryLock?> TryLockSyncAsync() => AdvisoryLock.TryAcquireAsync(dataSource, SyncLockKey);

    /// <summary>Upserts upstream genres: new ones added, renamed ones updated, missing ones made inactive.</summary>
    public async Task<(int Added, int Renamed, int Deactivated)> ApplyGenresAsync(IReadOnlyList<GenreInfo> upstream)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var known = new Dictionary<int, (string Name, bool Active)>();
        await using (var read = new NpgsqlCommand("SELECT id, name, active FROM genres FOR UPDATE", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                known[reader.GetInt32(0)] = (reader.GetString(1), reader.GetBoolean(2));
            }
        }

        int added = 0, renamed = 0;
        var batch = new NpgsqlBatch(connection, transaction);
        foreach (var genre in upstream)
        {
            if (known.TryGetValue(genre.Id, out var current) && current.Name == genre.Name && current.Active)
            {
                continue;
            }
            if (!known.ContainsKey(genre.Id)) added++;
            else if (current.Name != genre.Name) renamed++;
            var upsert = new NpgsqlBatchCommand("""
                INSERT INTO genres (id, name, active, updated_at) VALUES ($1, $2, true, $3)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, active = true, updated_at = EXCLUDED.updated_at
                """);
            upsert.Parameters.AddValues(genre.Id, genre.Name, now);
            batch.BatchCommands.Add(upsert);
        }

        var vanished = known.Where(entry => entry.Value.Active && upstream.All(genre => genre.Id != entry.Key)).Select(entry => entry.Key).ToArray();
        if (vanished.Length > 0)
        {
            var deactivate = new NpgsqlBatchCommand("UPDATE genres SET active = false, updated_at = $2 WHERE id = ANY($1)");
            deactivate.Parameters.AddValues(vanished, now);
            batch.BatchCommands.Add(deactivate);
        }

        await using (batch)
        {
            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync();
            }
        }
        await transaction.CommitAsync();
        return (added, renamed, vanished.Length);
    }

    /// <summary>Stores movies as the source describes them now; a runtime already known survives a source without one.</summary>
    public async Task UpsertMoviesAsync(IReadOnlyCollection<MovieInfo> movies)
    {
        if (movies.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        foreach (var movie in movies)
        {
            var upsert = new NpgsqlBatchCommand("""
                INSERT INTO movies (id, title, genre_ids, release_date, poster_path, popularity, runtime_minutes, fetched_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                ON CONFLICT (id) DO UPDATE SET
                    title = EXCLUDED.title, genre_ids = EXCLUDED.genre_ids, release_date = EXCLUDED.release_date,
                    poster_path = EXCLUDED.poster_path, popularity = EXCLUDED.popularity,
                    runtime_minutes = coalesce(EXCLUDED.runtime_minutes, movies.runtime_minutes), fetched_at = EXCLUDED.fetched_at
                """);
            upsert.Parameters.AddValues(
                movie.Id,
                Truncate(movie.Title, 300),
                movie.GenreIds.Distinct().ToArray(),
                SqlParameters.Typed(movie.ReleaseDate, NpgsqlDbType.Date),
                SqlParameters.Typed(Truncate(movie.PosterPath, 200), NpgsqlDbType.Varchar),
                movie.Popularity,
                SqlParameters.Typed(movie.RuntimeMinutes, NpgsqlDbType.Integer),
                now);
            batch.BatchCommands.Add(upsert);
        }
        await batch.ExecuteNonQueryAsync();
    }

    public async Task RecordSyncAsync(string source, int genres, int movies)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO catalog_sync (id, synced_at, source, genres, movies) VALUES (1, $1, $2, $3, $4)
            ON CONFLICT (id) DO UPDATE SET synced_at = EXCLUDED.synced_at, source = EXCLUDED.source, genres = EXCLUDED.genres, movies = EXCLUDED.movies
            """);
        command.Parameters.AddValues(clock.GetUtcNow(), source, genres, movies);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<MovieInfo?> FindMovieAsync(int movieId)
    {
        await using var command = dataSource.CreateCommand($"SELECT {MovieColumns} FROM movies WHERE id = $1");
        command.Parameters.AddValues(movieId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? ReadMovie(reader) : null;
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
