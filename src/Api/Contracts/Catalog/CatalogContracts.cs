using Marquee.Catalog;

namespace Marquee.Api.Contracts.Catalog;

public sealed record GenreResponse(int Id, string Name, bool Active)
{
    public static GenreResponse From(GenreInfo genre) => new(genre.Id, genre.Name, genre.Active);
}

public sealed record MovieResponse(int Id, string Title, IReadOnlyList<int> GenreIds, DateOnly? ReleaseDate, string? PosterPath, double Popularity, int? RuntimeMinutes)
{
    public static MovieResponse From(MovieInfo movie) =>
        new(movie.Id, movie.Title, movie.GenreIds, movie.ReleaseDate, movie.PosterPath, movie.Popularity, movie.RuntimeMinutes);
}
