using Marquee.Common;

namespace Marquee.Catalog;

/// <summary>Read side of the catalog: genres, movies and what a user may watch. Queries, no state.</summary>
[Alias("Marquee.Catalog.ICatalogGrain")]
public interface ICatalogGrain : IGrainWithIntegerKey
{
    [Alias("ListGenres")]
    Task<Page<GenreInfo>> ListGenresAsync(GenreFilter filter, int pageNumber, int pageSize);

    /// <summary>Movies sharing at least one genre with the user's active packages; the filter only narrows.</summary>
    [Alias("ListMoviesForUser")]
    Task<Page<MovieInfo>> ListMoviesForUserAsync(Guid userId, MovieFilter filter, int pageNumber, int pageSize);

    /// <summary>Every stored movie, whatever its genres, most popular first: what staff schedule showtimes from.</summary>
    [Alias("SearchMovies")]
    Task<Page<MovieInfo>> SearchMoviesAsync(string? titleContains, int pageNumber, int pageSize);

    /// <summary>A stored movie, or one fetched from the catalog source and stored; <see cref="NotFoundException"/> if the source has none.</summary>
    [Alias("GetMovie")]
    Task<MovieInfo> GetMovieAsync(int movieId);

    /// <summary>Like <see cref="GetMovieAsync"/>, but completes a movie stored from a listing with its details (runtime), once.</summary>
    [Alias("GetMovieDetails")]
    Task<MovieInfo> GetMovieDetailsAsync(int movieId);
}

/// <summary>Packages: managers write them with optimistic concurrency, everyone reads them.</summary>
[Alias("Marquee.Catalog.IPackagesGrain")]
public interface IPackagesGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<Page<PackageInfo>> ListAsync(bool includeRetired, int pageNumber, int pageSize);

    [Alias("Get")]
    Task<PackageInfo> GetAsync(Guid packageId);

    [Alias("Create")]
    Task<PackageInfo> CreateAsync(PackageDraft draft);

    /// <summary>Replaces the package when it is still at <paramref name="expectedVersion"/>; <see cref="StaleVersionException"/> otherwise.</summary>
    [Alias("Update")]
    Task<PackageInfo> UpdateAsync(Guid packageId, int expectedVersion, PackageDraft draft);

    /// <summary>Retires the package (idempotent): subscribers keep it, nobody new may subscribe.</summary>
    [Alias("Retire")]
    Task<PackageInfo> RetireAsync(Guid packageId, int? expectedVersion);
}

/// <summary>One user's streaming library: subscriptions and watch history, serialized per user.</summary>
[Alias("Marquee.Catalog.ILibraryGrain")]
public interface ILibraryGrain : IGrainWithGuidKey
{
    [Alias("Subscribe")]
    Task<SubscribeResult> SubscribeAsync(Guid packageId);

    [Alias("CancelSubscription")]
    Task CancelSubscriptionAsync(Guid packageId);

    [Alias("ListSubscriptions")]
    Task<Page<SubscriptionInfo>> ListSubscriptionsAsync(int pageNumber, int pageSize);

    [Alias("MarkWatched")]
    Task<MarkWatchedResult> MarkWatchedAsync(int movieId);

    [Alias("UnmarkWatched")]
    Task UnmarkWatchedAsync(int movieId);

    [Alias("ListWatched")]
    Task<Page<WatchedMovie>> ListWatchedAsync(int pageNumber, int pageSize);
}

/// <summary>Watch reports over the read model, for one user or, paginated, for everyone.</summary>
[Alias("Marquee.Catalog.IWatchReportsGrain")]
public interface IWatchReportsGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The user's report as <paramref name="viewer"/> may see it (their own, or any for an admin);
    /// <see cref="NotFoundException"/> when no such user exists or it is not the viewer's to see.
    /// </summary>
    [Alias("GetFor")]
    Task<WatchReport> GetForAsync(Guid userId, Viewer viewer);

    [Alias("List")]
    Task<Page<WatchReport>> ListAsync(int pageNumber, int pageSize);
}

/// <summary>Keeps genres (and the movies under them) in step with the catalog source, on a reminder.</summary>
[Alias("Marquee.Catalog.ICatalogSyncGrain")]
public interface ICatalogSyncGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the reminder at the right next due time, and syncs now when nothing was ever synced.</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    [Alias("SyncNow")]
    Task<CatalogSyncResult> SyncNowAsync();
}
