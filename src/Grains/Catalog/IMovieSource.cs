namespace Marquee.Catalog;

/// <summary>Where genres and movies come from: TMDB over HTTP, or the dataset bundled for offline runs.</summary>
public interface IMovieSource
{
    /// <summary>"tmdb" or "offline", recorded with each sync.</summary>
    string Name { get; }

    Task<IReadOnlyList<GenreInfo>> GetGenresAsync(CancellationToken cancellationToken = default);

    /// <summary>One page of a genre's movies, most popular first. Runtimes are not part of discover results.</summary>
    Task<DiscoverPage> DiscoverAsync(int genreId, int page, CancellationToken cancellationToken = default);

    /// <summary>A movie's details including runtime, or null when the source has no such movie.</summary>
    Task<MovieInfo?> GetMovieAsync(int movieId, CancellationToken cancellationToken = default);
}

public sealed record DiscoverPage(IReadOnlyList<MovieInfo> Movies, int TotalPages);
