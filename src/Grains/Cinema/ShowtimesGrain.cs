using System.Text.Json;
using Marquee.Catalog;
using Marquee.Common;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Orleans.Concurrency;

namespace Marquee.Cinema;

/// <summary>
/// Schedules showtimes as rows and lists them. The table's exclusion constraint is the arbiter of
/// overlaps, so two managers booking one auditorium at once cannot both win; the showtime's seat
/// map grain is laid out before the row exists, so a listed showtime always has seats.
/// </summary>
[StatelessWorker]
public sealed class ShowtimesGrain(NpgsqlDataSource dataSource, IOptions<CinemaOptions> options, TimeProvider clock) : Grain, IShowtimesGrain
{
    private const string Columns = """
        s.id, s.cinema_id, c.name, s.auditorium_id, a.name, s.movie_id, s.movie_title, s.starts_at, s.ends_at, s.format, s.audio, s.prices, s.capacity
        FROM showtimes s JOIN cinemas c ON c.id = s.cinema_id JOIN auditoriums a ON a.id = s.auditorium_id
        """;

    public static readonly TimeSpan MaxScheduleAhead = TimeSpan.FromDays(366);

    public async Task<ShowtimeInfo> CreateAsync(Guid showtimeId, ShowtimeDraft draft)
    {
        var (format, audio) = ValidateShape(draft);
        var auditorium = await FindAuditoriumAsync(draft.AuditoriumId);
        var prices = PricesFor(auditorium.Layout, draft.FullPrices);
        var movie = await FindMovieAsync(draft.MovieId);
        var endsAt = draft.StartsAt + TimeSpan.FromMinutes(movie.RuntimeMinutes!.Value) + options.Value.CleaningTime;

        await GrainFactory.GetGrain<IShowtimeSeatsGrain>(showtimeId).ConfigureAsync(auditorium.Layout with { StartsAt = draft.StartsAt });

        await using var command = dataSource.CreateCommand("""
            INSERT INTO showtimes (id, cinema_id, auditorium_id, movie_id, movie_title, starts_at, ends_at, format, audio, prices, capacity, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.AddValues(
            showtimeId,
            auditorium.CinemaId,
            auditorium.Id,
            movie.Id,
            movie.Title,
            draft.StartsAt.ToUniversalTime(),
            endsAt.ToUniversalTime(),
            format,
            audio,
            SqlParameters.Typed(SerializePrices(prices), NpgsqlDbType.Jsonb),
            auditorium.Capacity,
            clock.GetUtcNow());
        await InsertAsync(command, auditorium.Id, draft.StartsAt, endsAt);

        var stored = await GetAsync(showtimeId);
        return stored.AuditoriumId == draft.AuditoriumId && stored.MovieId == draft.MovieId
               && (stored.StartsAt - draft.StartsAt).Duration() < TimeSpan.FromMilliseconds(1)
            ? stored
            : throw new ConflictException("A different showtime already has this id.");
    }

    /// <summary>
    /// Two overlapping inserts into the same auditorium can each find the other's uncommitted row in the
    /// exclusion index and wait on it; PostgreSQL then aborts one as a deadlock. That statement changed
    /// nothing, so running it again gives the honest answer: the overlap, or the room if the other one
    /// rolled back.
    /// </summary>
    private async Task InsertAsync(NpgsqlCommand command, Guid auditoriumId, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        const int Attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ExclusionViolation)
            {
                throw await OverlapAsync(auditoriumId, startsAt, endsAt);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < Attempts)
            {
            }
        }
    }

    public async Task<ShowtimeInfo> GetAsync(Guid showtimeId)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} WHERE s.id = $1");
        command.Parameters.AddValues(showtimeId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : throw new NotFoundException($"Showtime {showtimeId} does not exist.");
    }

    public Task<Page<ShowtimeInfo>> ListAsync(ShowtimeFilter filter, int pageNumber, int pageSize)
    {
        var now = clock.GetUtcNow();
        var (from, until) = filter.Date is { } date ? SaoPauloTime.DayBounds(date) : (now, now + MaxScheduleAhead);
        const string Where = """
            WHERE ($1::uuid IS NULL OR s.cinema_id = $1) AND ($2::integer IS NULL OR s.movie_id = $2)
              AND s.starts_at >= $3 AND s.starts_at < $4
            """;
        return PagedQuery.RunAsync(dataSource,
            $"SELECT count(*) FROM showtimes s {Where}",
            $"SELECT {Columns} {Where} ORDER BY s.starts_at, c.name, a.name, s.id LIMIT $5 OFFSET $6",
            [filter.CinemaId, filter.MovieId, from.ToUniversalTime(), until.ToUniversalTime()],
            pageNumber, pageSize, Read);
    }

    private (string Format, string Audio) ValidateShape(ShowtimeDraft draft)
    {
        var format = ShowtimeRules.Formats.FirstOrDefault(known => known.Equals(draft.Format?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidInputException("format", "The format is 2D or 3D.");
        var audio = ShowtimeRules.AudioOptions.FirstOrDefault(known => known.Equals(draft.Audio?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidInputException("audio", "The audio is dubbed or subtitled.");
        var now = clock.GetUtcNow();
        if (draft.StartsAt <= now || draft.StartsAt > now + MaxScheduleAhead)
        {
            throw new InvalidInputException("startsAt", "A showtime starts in the future, within a year.");
        }
        return (format, audio);
    }

    private async Task<AuditoriumInfo> FindAuditoriumAsync(Guid auditoriumId)
    {
        try
        {
            return await GrainFactory.GetGrain<IAuditoriumGrain>(auditoriumId).GetAsync();
        }
        catch (NotFoundException)
        {
            throw new InvalidInputException("auditoriumId", $"Auditorium {auditoriumId} does not exist.");
        }
    }

    private async Task<MovieInfo> FindMovieAsync(int movieId)
    {
        MovieInfo movie;
        try
        {
            movie = await GrainFactory.GetGrain<ICatalogGrain>(0).GetMovieDetailsAsync(movieId);
        }
        catch (NotFoundException)
        {
            throw new InvalidInputException("movieId", $"Movie {movieId} is not in the catalog.");
        }
        return movie.RuntimeMinutes is > 0 ? movie : throw new InvalidInputException("movieId", $"Movie {movieId} has no known runtime to schedule by.");
    }

    /// <summary>
    /// A price for every kind of seat the auditorium sells. Wheelchair and companion seats cost what a
    /// standard seat costs unless the manager says otherwise.
    /// </summary>
    private static List<SeatPrice> PricesFor(SeatMapSetup layout, IReadOnlyDictionary<SeatKind, long> fullPrices)
    {
        if (fullPrices.Any(price => price.Key == SeatKind.Blocked || price.Value is <= 0 or > ShowtimeRules.MaxPriceCents))
        {
            throw new InvalidInputException("prices", $"Prices are per sellable seat kind, from 1 to {ShowtimeRules.MaxPriceCents} cents.");
        }
        var kinds = layout.Seats.Select(seat => seat.Kind).Where(kind => kind != SeatKind.Blocked).Distinct().Order().ToList();
        var prices = new List<SeatPrice>();
        foreach (var kind in kinds)
        {
            if (fullPrices.TryGetValue(kind, out var price)
                || (kind is SeatKind.Wheelchair or SeatKind.Companion && fullPrices.TryGetValue(SeatKind.Standard, out price)))
            {
                prices.Add(new SeatPrice(kind, price));
                continue;
            }
            throw new InvalidInputException("prices", $"This auditorium sells {kind.ToString().ToLowerInvariant()} seats; give their price.");
        }
        return prices;
    }

    private async Task<DomainException> OverlapAsync(Guid auditoriumId, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, movie_title, starts_at, ends_at FROM showtimes
            WHERE auditorium_id = $1 AND tstzrange(starts_at, ends_at) && tstzrange($2, $3) ORDER BY starts_at LIMIT 1
            """);
        command.Parameters.AddValues(auditoriumId, startsAt.ToUniversalTime(), endsAt.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return new ConflictException("The auditorium is taken at that time.");
        }
        return new ShowtimeOverlapException(reader.GetGuid(0), reader.GetString(1),
            TimeZoneInfo.ConvertTime(reader.GetFieldValue<DateTimeOffset>(2), SaoPauloTime.Zone),
            TimeZoneInfo.ConvertTime(reader.GetFieldValue<DateTimeOffset>(3), SaoPauloTime.Zone));
    }

    private static string SerializePrices(IEnumerable<SeatPrice> prices) =>
        JsonSerializer.Serialize(prices.ToDictionary(price => price.SeatKind.ToString().ToLowerInvariant(), price => price.FullCents));

    private static ShowtimeInfo Read(NpgsqlDataReader reader)
    {
        var prices = JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(11))!
            .Select(price => new SeatPrice(Enum.Parse<SeatKind>(price.Key, ignoreCase: true), price.Value))
            .OrderBy(price => price.SeatKind).ToList();
        return new ShowtimeInfo(
            reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetGuid(3), reader.GetString(4),
            reader.GetInt32(5), reader.GetString(6),
            TimeZoneInfo.ConvertTime(reader.GetFieldValue<DateTimeOffset>(7), SaoPauloTime.Zone),
            TimeZoneInfo.ConvertTime(reader.GetFieldValue<DateTimeOffset>(8), SaoPauloTime.Zone),
            reader.GetString(9), reader.GetString(10), prices, reader.GetInt32(12));
    }
}
