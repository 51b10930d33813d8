using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marquee.Catalog;

/// <summary>
/// The one catalog synchronizer of the cluster (key 0). A reminder brings it back every
/// <see cref="CatalogOptions.SyncInterval"/> on whichever silo; its due time counts from the last
/// recorded sync, so restarts neither skip nor repeat one.
/// </summary>
public sealed partial class CatalogSyncGrain(
    IMovieSource source, CatalogStore store, IOptions<CatalogOptions> options, TimeProvider clock, ILogger<CatalogSyncGrain> logger)
    : Grain, ICatalogSyncGrain, IRemindable
{
    private const string ReminderName = "catalog-sync";

    private static readonly TimeSpan RetryAfterFailedFirstSync = TimeSpan.FromMinutes(1);

    public async Task EnsureScheduledAsync()
    {
        var interval = options.Value.SyncInterval;
        var lastSync = await store.LastSyncedAtAsync();
        if (lastSync is null)
        {
            try
            {
                await SyncNowAsync();
            }
            catch (Exception ex)
            {
                // A source that is down at first start must not keep the silo from starting.
                LogSyncFailed(ex);
            }
            lastSync = await store.LastSyncedAtAsync();
        }
        var dueIn = lastSync is null ? RetryAfterFailedFirstSync : lastSync.Value + interval - clock.GetUtcNow();
        await this.RegisterOrUpdateReminder(ReminderName, dueIn > TimeSpan.Zero ? dueIn : TimeSpan.FromSeconds(1), interval);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        try
        {
            await SyncNowAsync();
        }
        catch (Exception ex)
        {
            // The next tick tries again; the stored catalog keeps serving meanwhile.
            LogSyncFailed(ex);
        }
    }

    public async Task<CatalogSyncResult> SyncNowAsync()
    {
        await using var syncLock = await store.TryLockSyncAsync();
        if (syncLock is null)
        {
            LogSkipped();
            return new CatalogSyncResult(Skipped: true, source.Name, 0, 0, 0, 0);
        }

        var genres = await source.GetGenresAsync();
        if (genres.Count == 0)
        {
            // An empty list is an upstream fault, not every genre vanishing at once.
            throw new Common.TemporarilyUnavailableException("The catalog source returned no genres; nothing was changed.");
        }
        var (added, renamed, deactivated) = await store.ApplyGenresAsync(genres);

        var movies = new Dictionary<int, MovieInfo>();
        foreach (var genre in genres)
        {
            for (var page = 1; page <= options.Value.DiscoverPagesPerGenre; page++)
            {
                var found = await source.DiscoverAsync(genre.Id, page);
                foreach (var movie in found.Movies)
                {
                    movies[movie.Id] = movie;
                }
                if (page >= found.TotalPages)
                {
                    break;
                }
            }
        }
        await store.UpsertMoviesAsync(movies.Values);
        await store.RecordSyncAsync(source.Name, genres.Count, movies.Count);

        var result = new CatalogSyncResult(Skipped: false, source.Name, added, renamed, deactivated, movies.Count);
        LogSynced(result.Source, genres.Count, added, renamed, deactivated, movies.Count);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog synced from {Source}: {Genres} genres ({Added} new, {Renamed} renamed, {Deactivated} deactivated), {Movies} movies")]
    private partial void LogSynced(string source, int genres, int added, int renamed, int deactivated, int movies);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog sync skipped: another sync holds the lock")]
    private partial void LogSkipped();

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalog sync failed; the next reminder tick retries")]
    private partial void LogSyncFailed(Exception exception);
}
