using Marquee.Catalog;

namespace Marquee.Api.Contracts.Catalog;

public sealed record WatchedResponse(MovieResponse Movie, DateTimeOffset WatchedAt)
{
    public static WatchedResponse From(WatchedMovie watched) => new(MovieResponse.From(watched.Movie), watched.WatchedAt);
}

/// <summary>SPEC B's report shape, field for field; both objects are null when nothing was watched.</summary>
public sealed record WatchReportResponse(Guid UserId, int TotalFilmsWatched, MostWatchedTheme? MostWatchedTheme, LastFilmWatched? LastFilmWatched)
{
    public static WatchReportResponse From(WatchReport report) => new(
        report.UserId,
        report.TotalFilmsWatched,
        report.MostWatchedTheme is { } theme ? new MostWatchedTheme(theme.ThemeId, theme.ThemeName, theme.TotalFilmsWatched) : null,
        report.LastFilmWatched is { } film ? new LastFilmWatched(film.MovieId, film.MovieName) : null);
}

public sealed record MostWatchedTheme(int ThemeId, string ThemeName, int TotalFilmsWatched);

public sealed record LastFilmWatched(int MovieId, string MovieName);
