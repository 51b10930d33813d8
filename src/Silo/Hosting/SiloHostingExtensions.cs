using Marquee.ServiceDefaults;
using Marquee.Silo.Schema;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Marquee.Silo.Hosting;

public static class SiloHostingExtensions
{

    /// <summary>
    /// Everything a Marquee silo process hosts: options validated at start, the schema migrator,
    /// Orleans on PostgreSQL (membership, grain storage, reminders), streams, the dashboard's
    /// collectors and the readiness checks. The HTTP side only serves probes and metrics.
    /// </summary>
    public static WebApplicationBuilder AddMarqueeSilo(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Marquee");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:Marquee is required (env ConnectionStrings__Marquee).");
        }

        builder.Services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ClusterIdentityOptions>().BindConfiguration(ClusterIdentityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        var identity = builder.Configuration.GetSection(ClusterIdentityOptions.Section).Get<ClusterIdentityOptions>() ?? new ClusterIdentityOptions();

        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = silo.ShutdownTimeout);
        builder.Services.AddMarqueeGrainServices(builder.Configuration, connectionString);
        builder.Services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(
            options => options.SupportedNamespacePrefixes.Add(Marquee.ServiceDefaults.DatabaseExceptions.NpgsqlNamespace));
        builder.Services.AddSingleton<SchemaMigrator>();

        builder.Services.AddHealthChecks()
            .AddPostgresReadiness(connectionString)
            .Add(new HealthCheckRegistration("silo", sp => ActivatorUtilities.CreateInstance<SiloActiveHealthCheck>(sp),
                HealthStatus.Unhealthy, [ServiceDefaultsExtensions.ReadyTag]));

        builder.UseOrleans(orleans =>
        {
            orleans.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = identity.ClusterId;
                options.ServiceId = identity.ServiceId;
            });
            if (!string.IsNullOrWhiteSpace(silo.Name))
            {
                orleans.Configure<Orleans.Configuration.SiloOptions>(options => options.SiloName = silo.Name);
            }
            if (silo.ParseAdvertisedAddress() is { } advertised)
            {
                orleans.ConfigureEndpoints(advertised, silo.SiloPort, silo.GatewayPort, silo.ListenOnAnyAddress);
            }
            else
            {
                orleans.ConfigureEndpoints(silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: true);
            }
            orleans.UseAdoNetClustering(options =>
            {
                options.Invariant = AdoNetInvariant.Npgsql;
                options.ConnectionString = connectionString;
            });
            foreach (var name in StorageNames.All)
            {
                orleans.AddAdoNetGrainStorage(name, options =>
                {
                    options.Invariant = AdoNetInvariant.Npgsql;
                    options.ConnectionString = connectionString;
                });
            }
            orleans.UseAdoNetReminderService(options =>
            {
                options.Invariant = AdoNetInvariant.Npgsql;
                options.ConnectionString = connectionString;
            });
            orleans.AddMemoryStreams(StreamNames.Live);
            orleans.AddActivityPropagation();
            orleans.AddIncomingGrainCallFilter<DatabaseOutageFilter>();
            orleans.AddDashboard();
        });

        // Registered after UseOrleans, so it starts once the silo is up and grains can be called.
        builder.Services.AddOptions<BootstrapAccountsOptions>().BindConfiguration(BootstrapAccountsOptions.Section);
        builder.Services.AddHostedService<BootstrapAccounts>();
        builder.Services.AddHostedService<CatalogStartup>();
        builder.Services.AddHostedService<ForecastGauges>();
        builder.Services.AddHostedService<DeadLetterGauge>();
        builder.Services.AddOptions<Seeding.DemoSeedOptions>().BindConfiguration(Seeding.DemoSeedOptions.Section);
        // The demo users are bootstrap accounts like any other, so they are ensured the same way.
        builder.Services.AddOptions<BootstrapAccountsOptions>().PostConfigure<IOptions<Seeding.DemoSeedOptions>>((accounts, seed) =>
        {
            if (seed.Value is { Demo: true, DemoPassword: { Length: > 0 } password })
            {
                accounts.Accounts.AddRange(Seeding.DemoDataset.Users(password));
            }
        });
        builder.Services.AddHostedService<Seeding.DemoSeed>();
        return builder;
    }

    /// <summary>Applies the schema before Orleans starts: the providers read their queries at start.</summary>
    public static Task MigrateSchemaAsync(this IHost host, CancellationToken cancellationToken = default) =>
        host.Services.GetRequiredService<SchemaMigrator>().MigrateWhenReachableAsync(TimeSpan.FromSeconds(60), cancellationToken);
}
