using Marquee.Catalog;
using Marquee.Common;
using Marquee.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marquee.Grains.Tests.Catalog;

/// <summary>
/// The TMDB client as the silo registers it (standard resilience handler and all), against a fake
/// TMDB on loopback that answers slowly, with 429 and with 5xx on demand.
/// </summary>
public sealed class TmdbClientTests : IAsyncLifetime
{
    private FakeTmdb _tmdb = null!;

    public async Task InitializeAsync() => _tmdb = await FakeTmdb.StartAsync();

    public async Task DisposeAsync() => await _tmdb.DisposeAsync();

    private TmdbClient CreateClient(Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Tmdb:BaseUrl"] = _tmdb.BaseUrl.ToString(),
            ["Tmdb:AccessToken"] = FakeTmdb.Token,
            ["Tmdb:RetryBaseDelay"] = "00:00:00.010",
            // Generous, so a cold first answer of the fake server never counts as a timeout.
            ["Tmdb:AttemptTimeout"] = "00:00:03",
            ["Tmdb:MaxRetries"] = "3",
        };
        foreach (var (key, value) in overrides ?? []) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddMarqueeGrainServices(configuration, "Host=127.0.0.1;Database=unused");
        return services.BuildServiceProvider().GetRequiredService<TmdbClient>();
    }

    [Fact]
    public async Task SendsTheBearerTokenAndReadsGenresMoviesAndDetails()
    {
        var client = CreateClient();

        var genres = await client.GetGenresAsync();
        var discovered = await client.DiscoverAsync(878, 1);
        var matrix = await client.GetMovieAsync(603);

        Assert.Contains(genres, genre => genre is { Id: 878, Name: "Science Fiction", Active: true });
        Assert.Contains(discovered.Movies, movie => movie.Id == 603 && movie.GenreIds.Contains(878) && movie.RuntimeMinutes is null);
        Assert.NotNull(matrix);
        Assert.Equal(("The Matrix", new DateOnly(1999, 3, 31), 80.4, 136), (matrix.Title, matrix.ReleaseDate, matrix.Popularity, matrix.RuntimeMinutes));
        Assert.Equal([28, 878], matrix.GenreIds);
        Assert.All(_tmdb.Requests, request => Assert.Equal($"Bearer {FakeTmdb.Token}", request.Authorization));
        Assert.Null(await client.GetMovieAsync(999_999_999));
    }

    [Fact]
    public async Task ServerErrorsAreRetriedUntilOneSucceeds()
    {
        var client = CreateClient();
        _tmdb.FailNext(2, 503);

        var genres = await client.GetGenresAsync();

        Assert.NotEmpty(genres);
        Assert.Equal(3, _tmdb.CountRequests("/3/genre/movie/list"));
    }

    [Fact]
    public async Task A429IsRetriedNoSoonerThanItsRetryAfter()
    {
        var client = CreateClient();
        _tmdb.FailNext(1, 429, retryAfter: TimeSpan.FromSeconds(1));

        await client.GetGenresAsync();

        var attempts = _tmdb.Requests.Where(request => request.Path.StartsWith("/3/genre", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, attempts.Count);
        // The configured backoff is 10 ms; only the header explains a wait of about a second.
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task AnAttemptSlowerThanItsTimeoutIsAbandonedAndRetried()
    {
        var client = CreateClient();
        _tmdb.DelayNext(1, TimeSpan.FromSeconds(60));

        var started = DateTimeOffset.UtcNow;
        var genres = await client.GetGenresAsync();

        Assert.NotEmpty(genres);
        Assert.Equal(2, _tmdb.CountRequests("/3/genre/movie/list"));
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task WhenEveryAttemptFailsCallersGetTemporarilyUnavailable()
    {
        var client = CreateClient();
        _tmdb.FailNext(4, 500);

        await Assert.ThrowsAsync<TemporarilyUnavailableException>(() => client.GetGenresAsync());
        Assert.Equal(4, _tmdb.CountRequests("/3/genre/movie/list"));
    }

    [Fact]
    public async Task AnOpenCircuitFailsFastWithoutCallingTmdb()
    {
        var client = CreateClient(new()
        {
            ["Tmdb:MaxRetries"] = "1",
            ["Tmdb:BreakerMinimumThroughput"] = "2",
            ["Tmdb:BreakerFailureRatio"] = "0.5",
            ["Tmdb:BreakDuration"] = "00:00:30",
        });
        _tmdb.FailNext(2, 500);
        await Assert.ThrowsAsync<TemporarilyUnavailableException>(() => client.GetGenresAsync());
        Assert.Equal(2, _tmdb.Requests.Count);
        var seen = _tmdb.Requests.Count;

        await Assert.ThrowsAsync<TemporarilyUnavailableException>(() => client.GetGenresAsync());

        Assert.Equal(seen, _tmdb.Requests.Count);
    }
}
