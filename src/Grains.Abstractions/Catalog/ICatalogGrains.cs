using Marquee.Common;

namespace Marquee.Catalog;

/// <summary>Read side of the catalog: genres, movies and what a user may watch. Queries, no state.</summary>
public interface ICatalogGrain : IGrainWithIntegerKey
{
    Task<Page<GenreInfo>> ListGenresAsync(GenreFilter filter, int pageNumber, int pageSize);

    /// <summary>Movies sharing at least one genre with the user's active packages; the filter only narrows.</summary>
    Task<Page<MovieInfo>> ListMoviesForUserAsync(Guid userId, MovieFilter filter, int pageNumber, int pageSize);

    /// <summary>A stored movie, or one fetched from the catalog source and stored; <see cref="NotFoundException"/> if the source has none.</summary>
    Task<MovieInfo> GetMovieAsync(int movieId);

    /// <summary>Like <see cref="GetMovieAsync"/>, but completes a movie stored from a listing with its details (runtime), once.</summary>
    Task<MovieInfo> GetMovieDetailsAsync(int movieId);
}

/// <summary>Packages: managers write them with optimistic concurrency, everyone reads them.</summary>
public interface IPackagesGrain : IGrainWithIntegerKey
{
    Task<Page<PackageInfo>> ListAsync(bool includeRetired, int pageNumber, int pageSize);

    Task<PackageInfo> GetAsync(Guid packageId);

    Task<PackageInfo> CreateAsync(PackageDraft draft);

    /// <summary>Replaces the package when it is still at <paramref name="expectedVersion"/>; <see cref="StaleVersionException"/> otherwise.</summary>
    Task<PackageInfo> UpdateAsync(Guid packageId, int expectedVersion, PackageDraft draft);

    /// <summary>Retires the package (idempotent): subscribers keep it, nobody new may subscribe.</summary>
    Task<PackageInfo> RetireAsync(Guid packageId, int? expectedVersion);
}

/// <summary>One user's streaming library: subscriptions and watch history, serialized per user.</summary>
public interface ILibraryGrain : IGrainWithGuidKey
{
    Task<SubscribeResult> SubscribeAsync(Guid packageId);

    Task CancelSubscriptionAsync(Guid packageId);

    Task<Page<SubscriptionInfo>> ListSubscriptionsAsync(int pageNumber, int pageSize);

    Task<MarkWatchedResult> MarkWatchedAsync(int movieId);

    Task UnmarkWatchedAsync(int movieId);

    Task<Page<WatchedMovie>> ListWatchedAsync(int pageNumber, int pageSize);
}

/// <summary>Watch reports over the read model, for one user or, paginated, for everyone.</summary>
public interface IWatchReportsGrain : IGrainWithIntegerKey
{
    /// <summary><see cref="NotFoundException"/> when no such user exists.</summary>
    Task<WatchReport> GetAsync(Guid userId);

    Task<Page<WatchReport>> ListAsync(int pageNumber, int pageSize);
}

/// <summary>Keeps genres (and the movies under them) in step with the catalog source, on a reminder.</summary>
public interface ICatalogSyncGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the reminder at the right next due time, and syncs now when nothing was ever synced.</summary>
    Task EnsureScheduledAsync();

    Task<CatalogSyncResult> SyncNowAsync();
}
