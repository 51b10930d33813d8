using System.Text.Json;

namespace Marquee.Catalog;

/// <summary>
/// The catalog bundled with the build (<c>offline-catalog.json</c>): TMDB's genre list and a few hundred
/// real movies, so a machine with no TMDB token, or no network, still has something to sell.
/// </summary>
public sealed class OfflineMovieSource : IMovieSource
{
    private const int PageSize = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<Dataset> Data = new(Load);

    public string Name => "offline";

    public static int MovieCount => Data.Value.Movies.Count;

    public Task<IReadOnlyList<GenreInfo>> GetGenresAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<GenreInfo>>(Data.Value.Genres.Select(genre => new GenreInfo(genre.Id, genre.Name, Active: true)).ToList());

    public Task<DiscoverPage> DiscoverAsync(int genreId, int page, CancellationToken cancellationToken = default)
    {
        var inGenre = Data.Value.Movies.Where(movie => movie.GenreIds.Contains(genreId)).ToList();
        var movies = inGenre.Skip((page - 1) * PageSize).Take(PageSize).Select(movie => movie.ToMovie()).ToList();
        return Task.FromResult(new DiscoverPage(movies, (inGenre.Count + PageSize - 1) / PageSize));
    }

    public Task<MovieInfo?> GetMovieAsync(int movieId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Data.Value.Movies.FirstOrDefault(movie => movie.Id == movieId)?.ToMovie());

    private static Dataset Load()
    {
        using var stream = typeof(OfflineMovieSource).Assembly.GetManifestResourceStream("Marquee.Catalog.offline-catalog.json")
            ?? throw new InvalidOperationException("The offline catalog is not embedded in the build.");
        return JsonSerializer.Deserialize<Dataset>(stream, Json)
            ?? throw new InvalidOperationException("The offline catalog is empty.");
    }

    private sealed record Dataset(IReadOnlyList<GenreEntry> Genres, IReadOnlyList<MovieEntry> Movies);

    private sealed record GenreEntry(int Id, string Name);

    private sealed record MovieEntry(int Id, string Title, IReadOnlyList<int> GenreIds, DateOnly? ReleaseDate, int? Runtime)
    {
        public MovieInfo ToMovie() => new(Id, Title, GenreIds, ReleaseDate, PosterPath: null, Popularity: 0, Runtime);
    }
}
