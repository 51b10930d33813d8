using System.Net.Http.Headers;
using Marquee.Catalog;
using Marquee.Concessions;
using Marquee.Orders;
using Marquee.Identity;
using Marquee.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marquee;

public static class GrainServices
{
    /// <summary>What grains need from the silo's container: options, hashing, mail, read-model writers.</summary>
    public static IServiceCollection AddMarqueeGrainServices(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => CreateDataSource(connectionString));
        services.AddOptions<IdentityOptions>().Bind(configuration.GetSection(IdentityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Marquee.Cinema.CinemaOptions>().Bind(configuration.GetSection(Marquee.Cinema.CinemaOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<UserReadModel>();
        services.AddSingleton<Marquee.Cinema.CinemaReadModel>();
        services.AddSingleton<IMailer, Mailer>();
        services.AddMovieCatalog(configuration);
        services.AddOrders(configuration);
        return services;
    }

    /// <summary>Stock and the order read model on PostgreSQL, and the payment provider behind the standard resilience handler.</summary>
    private static void AddOrders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentOptions>().Bind(configuration.GetSection(PaymentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StockLedger>();
        services.AddSingleton<OrderReadModel>();
        services.AddHttpClient<IPaymentProvider, HttpPaymentProvider>((provider, http) =>
            {
                http.BaseAddress = provider.GetRequiredService<IOptions<PaymentOptions>>().Value.BaseUrl;
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) =>
            {
                // Retrying a POST is safe here: every call carries the order id as its idempotency key.
                var payments = provider.GetRequiredService<IOptions<PaymentOptions>>().Value;
                resilience.TotalRequestTimeout.Timeout = payments.TotalTimeout;
                resilience.AttemptTimeout.Timeout = payments.AttemptTimeout;
                resilience.Retry.MaxRetryAttempts = payments.MaxRetries;
                resilience.Retry.Delay = payments.RetryBaseDelay;
                resilience.Retry.UseJitter = true;
                resilience.CircuitBreaker.MinimumThroughput = payments.BreakerMinimumThroughput;
                resilience.CircuitBreaker.BreakDuration = payments.BreakDuration;
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, payments.AttemptTimeout.Ticks * 2));
            });
    }

    /// <summary>
    /// The read models' connection pool. Statements are not auto-prepared: measured with
    /// bench/run.sh, PostgreSQL's generic plans for the filtered listings were several times slower at
    /// p99 than planning each call.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString) => NpgsqlDataSource.Create(connectionString);

    /// <summary>
    /// The catalog source: TMDB through a resilient HttpClient when a token is configured, otherwise
    /// the bundled offline dataset.
    /// </summary>
    private static void AddMovieCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CatalogOptions>().Bind(configuration.GetSection(CatalogOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TmdbOptions>().Bind(configuration.GetSection(TmdbOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CatalogStore>();
        services.AddSingleton<OfflineMovieSource>();

        services.AddHttpClient<TmdbClient>((provider, http) =>
            {
                var tmdb = provider.GetRequiredService<IOptions<TmdbOptions>>().Value;
                http.BaseAddress = tmdb.BaseUrl;
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tmdb.AccessToken);
                http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                // The resilience handler owns timing; HttpClient's own 100 s timeout would only get in its way.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) =>
            {
                var tmdb = provider.GetRequiredService<IOptions<TmdbOptions>>().Value;
                resilience.TotalRequestTimeout.Timeout = tmdb.TotalTimeout;
                resilience.AttemptTimeout.Timeout = tmdb.AttemptTimeout;
                resilience.Retry.MaxRetryAttempts = tmdb.MaxRetries;
                resilience.Retry.Delay = tmdb.RetryBaseDelay;
                resilience.Retry.UseJitter = true;
                resilience.Retry.ShouldRetryAfterHeader = true;
                resilience.CircuitBreaker.MinimumThroughput = tmdb.BreakerMinimumThroughput;
                resilience.CircuitBreaker.FailureRatio = tmdb.BreakerFailureRatio;
                resilience.CircuitBreaker.BreakDuration = tmdb.BreakDuration;
                // The sampling window must be at least twice the attempt timeout (the options validator insists).
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, tmdb.AttemptTimeout.Ticks * 2));
            });

        services.AddSingleton<IMovieSource>(provider => provider.GetRequiredService<IOptions<TmdbOptions>>().Value.IsConfigured
            ? provider.GetRequiredService<TmdbClient>()
            : provider.GetRequiredService<OfflineMovieSource>());
    }
}
