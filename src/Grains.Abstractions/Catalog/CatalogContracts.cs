namespace Marquee.Catalog;

/// <summary>A TMDB movie genre ("theme"). Inactive once it vanished upstream; never deleted.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Catalog.GenreInfo")]
public sealed record GenreInfo([property: Id(0)] int Id, [property: Id(1)] string Name, [property: Id(2)] bool Active);

/// <summary>A movie as stored from TMDB; <see cref="RuntimeMinutes"/> is known once its details were fetched.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Catalog.MovieInfo")]
public sealed record MovieInfo(
    [property: Id(0)] int Id,
    [property: Id(1)] string Title,
    [property: Id(2)] IReadOnlyList<int> GenreIds,
    [property: Id(3)] DateOnly? ReleaseDate,
    [property: Id(4)] string? PosterPath,
    [property: Id(5)] double Popularity,
    [property: Id(6)] int? RuntimeMinutes);

/// <summary>Genre listing filters; every one is optional and they combine with AND.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Catalog.GenreFilter")]
public sealed record GenreFilter(
    [property: Id(0)] string? NameContains = null,
    [property: Id(1)] bool? Active = null,
    [property: Id(2)] bool? UsedByPackages = null,
    [property: Id(3)] IReadOnlyList<int>? Ids = null);

/// <summary>Movie listing filters: any of <see cref="GenreIds"/> (within what the user may see) and a title substring.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Catalog.MovieFilter")]
public sealed record MovieFilter(
    [property: Id(0)] IReadOnlyList<int>? GenreIds = null,
    [property: Id(1)] string? TitleContains = null);

/// <summary>The outcome of one catalog sync; <see cref="Skipped"/> when another sync held the cluster-wide lock.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Catalog.CatalogSyncResult")]
public sealed record CatalogSyncResult(
    [property: Id(0)] bool Skipped,
    [property: Id(1)] string Source,
    [property: Id(2)] int GenresAdded,
    [property: Id(3)] int GenresRenamed,
    [property: Id(4)] int GenresDeactivated,
    [property: Id(5)] int MoviesStored);
