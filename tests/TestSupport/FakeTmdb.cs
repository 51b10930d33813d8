using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Marquee.Testing;

/// <summary>
/// TMDB's three endpoints Marquee uses, on loopback: genre list, discover by genre and movie details.
/// Tests change its catalog (rename or drop a genre, add a movie) and script faults for the next
/// requests (slow answers, 429 with Retry-After, 5xx); it records every request it saw.
/// </summary>
public sealed class FakeTmdb : IAsyncDisposable
{
    public const string Token = "fake-tmdb-read-access-token";
    private const int PageSize = 20;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly ConcurrentDictionary<int, string> _genres = new();
    private readonly ConcurrentDictionary<int, Movie> _movies = new();

    private FakeTmdb(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    /// <summary>Movies <c>/3/discover/movie</c> leaves out, so only a details lookup finds them.</summary>
    public ConcurrentDictionary<int, bool> HiddenFromDiscover { get; } = new();

    public static async Task<FakeTmdb> StartAsync()
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(baseUrl.ToString());
        var app = builder.Build();
        var tmdb = new FakeTmdb(app, baseUrl);
        tmdb.SeedDefaultCatalog();
        app.Use(tmdb.RecordAndInjectAsync);
        app.MapGet("/3/genre/movie/list", () => Results.Json(new
        {
            genres = tmdb._genres.OrderBy(genre => genre.Key).Select(genre => new { id = genre.Key, name = genre.Value }),
        }));
        app.MapGet("/3/discover/movie", (int with_genres, int? page) =>
        {
            var matching = tmdb._movies.Values.Where(movie => movie.GenreIds.Contains(with_genres) && !tmdb.HiddenFromDiscover.ContainsKey(movie.Id))
                .OrderByDescending(movie => movie.Popularity).ThenBy(movie => movie.Id).ToList();
            var number = page ?? 1;
            return Results.Json(new
            {
                page = number,
                total_pages = Math.Max(1, (matching.Count + PageSize - 1) / PageSize),
                results = matching.Skip((number - 1) * PageSize).Take(PageSize).Select(movie => new
                {
                    id = movie.Id, title = movie.Title, genre_ids = movie.GenreIds, release_date = movie.ReleaseDate,
                    poster_path = movie.PosterPath, popularity = movie.Popularity,
                }),
            });
        });
        app.MapGet("/3/movie/{id:int}", (int id) => tmdb._movies.TryGetValue(id, out var movie)
            ? Results.Json(new
            {
                id = movie.Id, title = movie.Title, genres = movie.GenreIds.Select(genre => new { id = genre, name = tmdb._genres.GetValueOrDefault(genre, "?") }),
                release_date = movie.ReleaseDate, poster_path = movie.PosterPath, popularity = movie.Popularity, runtime = movie.Runtime,
            })
            : Results.Json(new { success = false, status_code = 34, status_message = "The resource you requested could not be found." }, statusCode: 404));
        await app.StartAsync();
        return tmdb;
    }

    public IReadOnlyDictionary<int, string> Genres => _genres;

    public void SetGenre(int id, string name) => _genres[id] = name;

    public void RemoveGenre(int id) => _genres.TryRemove(id, out _);

    public void AddMovie(Movie movie) => _movies[movie.Id] = movie;

    /// <summary>The next <paramref name="count"/> requests answer <paramref name="status"/>, with Retry-After when given.</summary>
    public void FailNext(int count, int status, TimeSpan? retryAfter = null)
    {
        for (var i = 0; i < count; i++) _faults.Enqueue(new Fault(status, retryAfter, Delay: null));
    }

    /// <summary>The next <paramref name="count"/> requests wait <paramref name="delay"/> before answering normally.</summary>
    public void DelayNext(int count, TimeSpan delay)
    {
        for (var i = 0; i < count; i++) _faults.Enqueue(new Fault(Status: null, RetryAfter: null, delay));
    }

    public int CountRequests(string pathPrefix) => Requests.Count(request => request.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    private async Task RecordAndInjectAsync(HttpContext context, RequestDelegate next)
    {
        Requests.Enqueue(new SeenRequest(context.Request.Path + context.Request.QueryString, DateTimeOffset.UtcNow, context.Request.Headers.Authorization.ToString()));
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new { success = false, status_code = 7, status_message = "Invalid API key." });
            return;
        }
        if (_faults.TryDequeue(out var fault))
        {
            if (fault.Delay is { } delay)
            {
                try
                {
                    await Task.Delay(delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            if (fault.Status is { } status)
            {
                context.Response.StatusCode = status;
                if (fault.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }
                await context.Response.WriteAsJsonAsync(new { success = false, status_message = "Injected fault." });
                return;
            }
        }
        await next(context);
    }

    /// <summary>A small catalog of real TMDB genres and movies; tests add what they need on top.</summary>
    private void SeedDefaultCatalog()
    {
        foreach (var (id, name) in new[] { (28, "Action"), (12, "Adventure"), (16, "Animation"), (35, "Comedy"), (18, "Drama"), (27, "Horror"), (878, "Science Fiction"), (10749, "Romance"), (99, "Documentary") })
        {
            _genres[id] = name;
        }
        foreach (var movie in new Movie[]
        {
            new(550, "Fight Club", [18], "1999-10-15", 139, 60.1),
            new(603, "The Matrix", [28, 878], "1999-03-31", 136, 80.4),
            new(27205, "Inception", [28, 878, 12], "2010-07-15", 148, 90.2),
            new(157336, "Interstellar", [12, 18, 878], "2014-11-05", 169, 95.5),
            new(862, "Toy Story", [16, 12, 10751, 35], "1995-10-30", 81, 70.3),
            new(137, "Groundhog Day", [10749, 14, 18, 35], "1993-02-11", 101, 30.7),
            new(694, "The Shining", [27, 53], "1980-05-23", 144, 50.9),
            new(238, "The Godfather", [18, 80], "1972-03-14", 175, 85.0),
            new(13, "Forrest Gump", [35, 18, 10749], "1994-06-23", 142, 75.6),
            new(78, "Blade Runner", [878, 18, 53], "1982-06-25", 117, 45.8),
        })
        {
            _movies[movie.Id] = movie;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Movie(int Id, string Title, int[] GenreIds, string ReleaseDate, int Runtime, double Popularity, string? PosterPath = null);

    public sealed record SeenRequest(string Path, DateTimeOffset At, string Authorization);

    private sealed record Fault(int? Status, TimeSpan? RetryAfter, TimeSpan? Delay);
}
