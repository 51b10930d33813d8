using Marquee.Common;
using Npgsql;

namespace Marquee.Cinema;

/// <summary>Writes the cinemas and auditoriums read models; inserts are idempotent by id.</summary>
public sealed class CinemaReadModel(NpgsqlDataSource dataSource)
{

    /// <summary>Records a cinema; <see cref="ConflictException"/> when another cinema already has the name.</summary>
    public async Task AddCinemaAsync(CinemaInfo cinema)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO cinemas (id, name, neighbourhood, address, created_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.AddValues(cinema.Id, cinema.Name, cinema.Neighbourhood, cinema.Address, cinema.CreatedAt);
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ConflictException($"A cinema named '{cinema.Name}' already exists.");
        }
    }

    public async Task AddAuditoriumAsync(AuditoriumInfo auditorium, DateTimeOffset createdAt)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO auditoriums (id, cinema_id, name, capacity, created_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.AddValues(auditorium.Id, auditorium.CinemaId, auditorium.Name, auditorium.Capacity, createdAt);
        await command.ExecuteNonQueryAsync();
    }
}
