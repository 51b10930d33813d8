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
public sealed class TmdbOptions : Common.ResilientHttpOptions
{
    public const string Section = "Tmdb";

    public override Uri BaseUrl { get; set; } = new("https://api.themoviedb.org/");

    /// <summary>TMDB's API read access token, sent as a bearer token.</summary>
    public string? AccessToken { get; set; }

    [Required, StringLength(10)]
    public string Language { get; set; } = "en-US";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccessToken);
}
