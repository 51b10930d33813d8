using System.Security.Cryptography;
using System.Text;
using Marquee.Catalog;
using Marquee.Cinema;
using Marquee.Common;
using Marquee.Concessions;
using Marquee.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marquee.Silo.Seeding;

/// <summary>
/// Loads <see cref="DemoDataset"/> and a week of showtimes for the newest movies in the catalog, once
/// per database (<c>seed_runs</c>). Runs inside the silo's start, after the catalog sync, so a started
/// seeding silo is a seeded one. Every step tolerates a previous, interrupted run.
/// </summary>
public sealed partial class DemoSeed(
    IGrainFactory grains, NpgsqlDataSource database, IOptions<DemoSeedOptions> options, TimeProvider clock, ILogger<DemoSeed> logger) : IHostedService
{
    private const string RunName = "demo";
    // Arbitrary but fixed, distinct from the schema migrator's and the catalog sync's keys.
    private const long SeedLockKey = 0x4D_51_53_45_45_44;
    private const int NowPlaying = 8;
    private static readonly TimeOnly FirstSession = new(13, 0);
    private static readonly TimeOnly LastStart = new(22, 30);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Demo)
        {
            return;
        }
        // Every silo of a fresh cluster may be told to seed: the lock makes the others wait, then find it done.
        await using var seedLock = await AdvisoryLock.AcquireAsync(database, SeedLockKey, cancellationToken);
        try
        {
            await SeedAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DomainException or OrleansException or TimeoutException or NpgsqlException)
        {
            // Demo data is a convenience: a silo must start without it, and the next start tries again.
            LogSeedFailed(ex);
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await AlreadyRanAsync())
        {
            return;
        }
        var movies = await NowPlayingAsync();
        if (movies.Count == 0)
        {
            LogNoMovies();
            return;
        }

        var rooms = new List<(Guid Auditorium, DemoDataset.RoomSeed Room)>();
        foreach (var cinema in DemoDataset.Cinemas)
        {
            var cinemaId = await EnsureCinemaAsync(cinema);
            foreach (var room in cinema.Rooms)
            {
                rooms.Add((await EnsureAuditoriumAsync(cinemaId, room), room));
            }
        }
        var showtimes = await Task.WhenAll(rooms.Select((room, index) => ScheduleWeekAsync(room.Auditorium, room.Room, index, movies)));
        var packages = await EnsurePackagesAsync();
        var products = await EnsureMenuAsync();
        await SeedDemoCustomerAsync(packages);

        await using (var done = database.CreateCommand("INSERT INTO seed_runs (name, ran_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING"))
        {
            done.Parameters.AddValues(RunName, clock.GetUtcNow());
            await done.ExecuteNonQueryAsync(cancellationToken);
        }
        var scheduled = showtimes.Sum();
        LogSeeded(DemoDataset.Cinemas.Count, rooms.Count, scheduled, packages.Count, products);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<bool> AlreadyRanAsync()
    {
        await using var command = database.CreateCommand("SELECT EXISTS (SELECT 1 FROM seed_runs WHERE name = $1)");
        command.Parameters.AddValues(RunName);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The newest released movies of the catalog: what would be in cinemas now.</summary>
    private async Task<List<int>> NowPlayingAsync()
    {
        await using var command = database.CreateCommand("""
            SELECT id FROM movies WHERE release_date <= $1 ORDER BY release_date DESC, popularity DESC, id LIMIT $2
            """);
        command.Parameters.AddValues(SaoPauloTime.Today(clock), NowPlaying);
        var ids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt32(0));
        return ids;
    }

    private async Task<Guid> EnsureCinemaAsync(DemoDataset.CinemaSeed cinema)
    {
        if (await FindIdAsync("SELECT id FROM cinemas WHERE lower(name) = lower($1)", cinema.Name) is { } existing)
        {
            return existing;
        }
        return (await grains.GetGrain<ICinemaGrain>(StableId("cinema", cinema.Name)).CreateAsync(cinema.Name, cinema.Neighbourhood, cinema.Address)).Id;
    }

    private async Task<Guid> EnsureAuditoriumAsync(Guid cinemaId, DemoDataset.RoomSeed room)
    {
        await using var command = database.CreateCommand("SELECT id FROM auditoriums WHERE cinema_id = $1 AND lower(name) = lower($2)");
        command.Parameters.AddValues(cinemaId, room.Name);
        if (await command.ExecuteScalarAsync() is Guid existing)
        {
            return existing;
        }
        return (await grains.GetGrain<ICinemaGrain>(cinemaId).AddAuditoriumAsync(room.Name, room.Rows)).Id;
    }

    /// <summary>From today (São Paulo) for seven days: sessions from 13:00, each starting at the quarter hour after the last one ends.</summary>
    private async Task<int> ScheduleWeekAsync(Guid auditoriumId, DemoDataset.RoomSeed room, int roomIndex, List<int> movies)
    {
        var showtimesApi = grains.GetGrain<IShowtimesGrain>(0);
        var today = SaoPauloTime.Today(clock);
        var scheduled = 0;
        for (var day = 0; day < 7; day++)
        {
            var date = today.AddDays(day);
            var start = SaoPauloTime.At(date, FirstSession);
            for (var slot = 0; start <= SaoPauloTime.At(date, LastStart); slot++)
            {
                var movieId = movies[(roomIndex + day + slot) % movies.Count];
                var draft = new ShowtimeDraft(auditoriumId, movieId, start, room.Format, slot % 2 == 0 ? "subtitled" : "dubbed", Prices(room, date));
                ShowtimeInfo? showtime = null;
                if (start > clock.GetUtcNow().AddMinutes(30))
                {
                    try
                    {
                        showtime = await showtimesApi.CreateAsync(StableId("showtime", $"{auditoriumId}/{start:O}"), draft);
                        scheduled++;
                    }
                    catch (DomainException ex)
                    {
                        LogSkippedShowtime(ex.Message);
                    }
                }
                var ends = showtime?.EndsAt ?? start.AddHours(3);
                start = RoundUpToQuarter(ends);
            }
        }
        return scheduled;
    }

    /// <summary>BRL: weekends cost more, premium half again, VIP rooms their own price.</summary>
    private static Dictionary<SeatKind, long> Prices(DemoDataset.RoomSeed room, DateOnly date)
    {
        var weekend = date.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday or DayOfWeek.Sunday;
        var standard = weekend ? 3800 : 3200;
        return room.Vip
            ? new() { [SeatKind.Premium] = weekend ? 7800 : 6800 }
            : new() { [SeatKind.Standard] = standard, [SeatKind.Premium] = standard * 3 / 2 };
    }

    private async Task<List<PackageInfo>> EnsurePackagesAsync()
    {
        var packages = grains.GetGrain<IPackagesGrain>(0);
        var result = new List<PackageInfo>();
        foreach (var seed in DemoDataset.Packages)
        {
            if (await FindIdAsync("SELECT id FROM packages WHERE lower(name) = lower($1)", seed.Name) is { } existing)
            {
                result.Add(await packages.GetAsync(existing));
                continue;
            }
            try
            {
                result.Add(await packages.CreateAsync(new PackageDraft(seed.Name, seed.GenreIds, seed.Description, seed.PriceCents)));
            }
            catch (InvalidInputException ex)
            {
                // A TMDB without one of these genres still gets the other packages.
                LogSkippedPackage(seed.Name, ex.Message);
            }
        }
        return result;
    }

    private async Task<int> EnsureMenuAsync()
    {
        var concessions = grains.GetGrain<IProductsGrain>(0);
        var categories = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        foreach (var item in DemoDataset.Menu)
        {
            if (!categories.TryGetValue(item.Category, out var categoryId))
            {
                categoryId = await FindNumberAsync("SELECT id FROM categories WHERE lower(name) = lower($1)", item.Category)
                    ?? (await concessions.CreateCategoryAsync(item.Category)).Id;
                categories[item.Category] = categoryId;
            }
            if (await FindNumberAsync("SELECT id FROM products WHERE lower(name) = lower($1)", item.Name) is null)
            {
                await concessions.CreateAsync(new ProductDraft(item.Name, item.Description, categoryId, item.PriceCents, ImageUrl: null, Active: true, Stock: 500, item.GroupSize));
            }
            count++;
        }
        return count;
    }

    private async Task<int?> FindNumberAsync(string sql, string name)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddValues(name);
        return await command.ExecuteScalarAsync() as int?;
    }

    /// <summary>The demo customer subscribes to the first package and has watched two of its movies, so reports show something.</summary>
    private async Task SeedDemoCustomerAsync(List<PackageInfo> packages)
    {
        var owner = await grains.GetGrain<IEmailOwnerGrain>(EmailAddress.Normalize(options.Value.CustomerEmail)).GetOwnerAsync();
        if (owner is not { } customerId || packages.Count == 0)
        {
            return;
        }
        var library = grains.GetGrain<ILibraryGrain>(customerId);
        await library.SubscribeAsync(packages[0].Id);
        var visible = await grains.GetGrain<ICatalogGrain>(0).ListMoviesForUserAsync(customerId, new MovieFilter(), 1, 2);
        foreach (var movie in visible.Items)
        {
            await library.MarkWatchedAsync(movie.Id);
        }
    }

    private async Task<Guid?> FindIdAsync(string sql, string name)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddValues(name);
        return await command.ExecuteScalarAsync() as Guid?;
    }

    private static DateTimeOffset RoundUpToQuarter(DateTimeOffset instant)
    {
        var quarter = TimeSpan.FromMinutes(15).Ticks;
        var ticks = (instant.Ticks + quarter - 1) / quarter * quarter;
        return new DateTimeOffset(ticks, instant.Offset);
    }

    /// <summary>The same name gives the same id on every run, so a rerun finds what an interrupted one made.</summary>
    private static Guid StableId(string kind, string name) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"marquee-demo/{kind}/{name}")).AsSpan(0, 16));

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: {Cinemas} cinemas, {Auditoriums} auditoriums, {Showtimes} showtimes, {Packages} packages, {Products} products")]
    private partial void LogSeeded(int cinemas, int auditoriums, int showtimes, int packages, int products);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo seed failed; the next silo start tries again")]
    private partial void LogSeedFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo seed postponed: the catalog has no released movies yet")]
    private partial void LogNoMovies();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo showtime skipped: {Reason}")]
    private partial void LogSkippedShowtime(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo package {Name} skipped: {Reason}")]
    private partial void LogSkippedPackage(string name, string reason);
}
