namespace Marquee.Catalog;

[GenerateSerializer, Immutable, Alias("Marquee.Catalog.WatchedMovie")]
public sealed record WatchedMovie([property: Id(0)] MovieInfo Movie, [property: Id(1)] DateTimeOffset WatchedAt);

/// <summary>A mark call's answer; <see cref="Created"/> is false when the movie was already marked.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Catalog.MarkWatchedResult")]
public sealed record MarkWatchedResult([property: Id(0)] WatchedMovie Watched, [property: Id(1)] bool Created);

/// <summary>SPEC B's watch report. Ties for the most watched theme go to the one watched most recently.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Catalog.WatchReport")]
public sealed record WatchReport(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] int TotalFilmsWatched,
    [property: Id(2)] ThemeTally? MostWatchedTheme,
    [property: Id(3)] FilmRef? LastFilmWatched);

[GenerateSerializer, Immutable, Alias("Marquee.Catalog.ThemeTally")]
public sealed record ThemeTally([property: Id(0)] int ThemeId, [property: Id(1)] string ThemeName, [property: Id(2)] int TotalFilmsWatched);

[GenerateSerializer, Immutable, Alias("Marquee.Catalog.FilmRef")]
public sealed record FilmRef([property: Id(0)] int MovieId, [property: Id(1)] string MovieName);
