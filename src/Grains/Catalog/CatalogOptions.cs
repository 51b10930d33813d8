using System.ComponentModel.DataAnnotations;

namespace Marquee.Catalog;

/// <summary>How often the catalog re-syncs and how deep it reads TMDB's discover listing per genre.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>Orleans reminders fire at most once a minute, hence the floor.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromHours(2);

    /// <summary>TMDB answers 20 movies a page, most popular first.</summary>
    [Range(1, 50)]
    public int DiscoverPagesPerGenre { get; set; } = 3;
}

/// <summary>
/// Where TMDB lives and how hard to try. With no <see cref="AccessToken"/> the catalog runs on the
/// bundled offline dataset instead.
/// </summary>
public sealed class TmdbOptions
{
    public const string Section = "Tmdb";

    [Required]
    public Uri BaseUrl { get; set; } = new("https://api.themoviedb.org/");

    /// <summary>TMDB's API read access token, sent as a bearer token.</summary>
    public string? AccessToken { get; set; }

    [Required, StringLength(10)]
    public string Language { get; set; } = "en-US";

    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 10)]
    public int MaxRetries { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(2, 1000)]
    public int BreakerMinimumThroughput { get; set; } = 10;

    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccessToken);
}
