using Marquee.ServiceDefaults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Marquee.Api.Hosting;

public static class OrleansClientSetup
{

    /// <summary>
    /// The cluster client finds gateways through the same PostgreSQL membership table the silos write,
    /// so API instances and silos scale independently and need no address list.
    /// </summary>
    public static WebApplicationBuilder AddMarqueeOrleansClient(this WebApplicationBuilder builder, string connectionString)
    {
        builder.Services.AddOptions<ClusterIdentityOptions>().BindConfiguration(ClusterIdentityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var identity = builder.Configuration.GetSection(ClusterIdentityOptions.Section).Get<ClusterIdentityOptions>() ?? new ClusterIdentityOptions();

        builder.Services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(
            options => options.SupportedNamespacePrefixes.Add(Marquee.ServiceDefaults.DatabaseExceptions.NpgsqlNamespace));
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = identity.ClusterId;
                options.ServiceId = identity.ServiceId;
            });
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = AdoNetInvariant.Npgsql;
                options.ConnectionString = connectionString;
            });
            client.AddActivityPropagation();
            // Live seat-map changes reach this API instance whichever silo the showtime lives on.
            client.AddMemoryStreams(StreamNames.Live);
            client.AddDashboard();
            // The API may start before any silo: keep trying instead of failing the host.
            client.UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return !cancellationToken.IsCancellationRequested;
            });
        });

        builder.Services.AddHealthChecks()
            .AddPostgresReadiness(connectionString)
            .Add(new HealthCheckRegistration("cluster", sp => ActivatorUtilities.CreateInstance<ClusterHealthCheck>(sp),
                HealthStatus.Unhealthy, [ServiceDefaultsExtensions.ReadyTag], TimeSpan.FromSeconds(5)));
        return builder;
    }
}
