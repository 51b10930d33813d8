using System.Net.Http.Headers;
using Marquee.Catalog;
using Marquee.Common;
using Marquee.Concessions;
using Marquee.Orders;
using Marquee.Identity;
using Marquee.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;

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
        services.AddOptions<Marquee.Operations.ForecastOptions>().Bind(configuration.GetSection(Marquee.Operations.ForecastOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BusinessMetrics>();
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<UserReadModel>();
        services.AddSingleton<Marquee.Cinema.CinemaReadModel>();
        services.AddSingleton<Marquee.Cinema.Journal.SeatJournal>();
        services.AddSingleton<IMailer, Mailer>();
        services.AddMovieCatalog(configuration);
        services.AddOrders(configuration);
        services.AddStateFormat();
        return services;
    }

    /// <summary>
    /// Grain state is written in Orleans' own binary format, the one every state type is already
    /// versioned for with [Id]s. Orleans' default, Newtonsoft JSON with type names, was a third of the
    /// silo's CPU on the hot-holds benchmark (a seat map is rewritten on every hold). State stored as
    /// JSON before the switch still reads, through the fallback, and is rewritten in binary on its next write.
    /// </summary>
    private static void AddStateFormat(this IServiceCollection services) =>
        services.AddSingleton<IGrainStorageSerializer>(provider => new GrainStorageSerializer(
            new OrleansGrainStorageSerializer(provider.GetRequiredService<Serializer>()),
            ActivatorUtilities.CreateInstance<JsonGrainStorageSerializer>(provider)));

    /// <summary>Stock, pricing and the order read model on PostgreSQL, and the payment provider behind the resilience pipeline.</summary>
    private static void AddOrders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentOptions>().Bind(configuration.GetSection(PaymentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StockLedger>();
        services.AddSingleton<OrderPricing>();
        services.AddSingleton<OrderReadModel>();
        // Retrying a POST is safe here: every call carries the order id as its idempotency key.
        services.AddResilientHttpClient<IPaymentProvider, HttpPaymentProvider, PaymentOptions>();
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

        services.AddResilientHttpClient<TmdbClient, TmdbClient, TmdbOptions>((http, tmdb) =>
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tmdb.AccessToken);
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        });

        services.AddSingleton<IMovieSource>(provider => provider.GetRequiredService<IOptions<TmdbOptions>>().Value.IsConfigured
            ? provider.GetRequiredService<TmdbClient>()
            : provider.GetRequiredService<OfflineMovieSource>());
    }
}
