using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marquee.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Marquee.Catalog;

/// <summary>
/// TMDB's v3 API. Timeouts, retries (honouring 429 Retry-After) and the circuit breaker live in the
/// HttpClient's standard resilience handler; this type only speaks TMDB and turns "could not reach
/// it" into <see cref="TemporarilyUnavailableException"/>, so callers see a 503, not a 500.
/// </summary>
public sealed partial class TmdbClient(HttpClient http, IOptions<TmdbOptions> options, ILogger<TmdbClient> logger) : IMovieSource
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Name => "tmdb";

    private string Language => Uri.EscapeDataString(options.Value.Language);

    public async Task<IReadOnlyList<GenreInfo>> GetGenresAsync(CancellationToken cancellationToken = default)
    {
        var body = await GetAsync<GenreList>($"3/genre/movie/list?language={Language}", cancellationToken)
            ?? throw Unavailable("TMDB answered 404 for the genre list.");
        return body.Genres.Select(genre => new GenreInfo(genre.Id, genre.Name.Trim(), Active: true)).ToList();
    }

    public async Task<DiscoverPage> DiscoverAsync(int genreId, int page, CancellationToken cancellationToken = default)
    {
        var path = string.Create(CultureInfo.InvariantCulture,
            $"3/discover/movie?with_genres={genreId}&page={page}&sort_by=popularity.desc&include_adult=false&language={Language}");
        var body = await GetAsync<DiscoverResults>(path, cancellationToken);
        if (body is null)
        {
            return new DiscoverPage([], 0);
        }
        return new DiscoverPage(body.Results.Where(movie => !string.IsNullOrWhiteSpace(movie.Title)).Select(movie => movie.ToMovie()).ToList(), body.TotalPages);
    }

    public async Task<MovieInfo?> GetMovieAsync(int movieId, CancellationToken cancellationToken = default)
    {
        var body = await GetAsync<MovieDetails>(string.Create(CultureInfo.InvariantCulture, $"3/movie/{movieId}?language={Language}"), cancellationToken);
        return body?.ToMovie();
    }

    /// <returns>The parsed body, or null on 404.</returns>
    private async Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken) where T : class
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or BrokenCircuitException or TimeoutRejectedException
                                       || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(ex, path);
            throw Unavailable("The movie catalog provider is unavailable; retry shortly.");
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            if (!response.IsSuccessStatusCode)
            {
                LogRefused((int)response.StatusCode, path);
                throw Unavailable("The movie catalog provider refused the request; retry shortly.");
            }
            try
            {
                return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                    ?? throw Unavailable("The movie catalog provider sent an empty answer.");
            }
            catch (JsonException ex)
            {
                LogUnreadable(ex, path);
                throw Unavailable("The movie catalog provider sent an answer we could not read.");
            }
        }
    }

    private static TemporarilyUnavailableException Unavailable(string message) => new(message);

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "TMDB could not be reached for {Path}")]
    private partial void LogUnreachable(Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TMDB answered {Status} for {Path}")]
    private partial void LogRefused(int status, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TMDB sent an unreadable body for {Path}")]
    private partial void LogUnreadable(Exception exception, string path);

    private sealed record GenreList(IReadOnlyList<GenreItem> Genres);

    private sealed record GenreItem(int Id, string Name);

    private sealed record DiscoverResults(IReadOnlyList<DiscoverItem> Results, int TotalPages);

    private sealed record DiscoverItem(int Id, string? Title, IReadOnlyList<int>? GenreIds, string? ReleaseDate, string? PosterPath, double Popularity)
    {
        public MovieInfo ToMovie() => new(Id, Title!.Trim(), GenreIds ?? [], ParseDate(ReleaseDate), PosterPath, Popularity, RuntimeMinutes: null);
    }

    private sealed record MovieDetails(int Id, string? Title, IReadOnlyList<GenreItem>? Genres, string? ReleaseDate, string? PosterPath, double Popularity,
        [property: JsonPropertyName("runtime")] int? Runtime)
    {
        public MovieInfo ToMovie() => new(Id, (Title ?? $"Movie {Id}").Trim(), Genres?.Select(genre => genre.Id).ToList() ?? [],
            ParseDate(ReleaseDate), PosterPath, Popularity, Runtime is > 0 ? Runtime : null);
    }
}
