using Marquee.Testing;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Marquee.Grains.Tests;

/// <summary>
/// One Orleans.TestingHost cluster (two silos) per test run, with grain storage and reminders on a
/// freshly migrated PostgreSQL database, so grain tests exercise the real providers and our SQL.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    private const string ConnectionKey = "ConnectionStrings:Marquee";

    public TestCluster Cluster { get; private set; } = null!;

    public string ConnectionString { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await MigratedDatabase.CreateAsync("grains");
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        var settings = new Dictionary<string, string?>(Settings) { [ConnectionKey] = ConnectionString };
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        builder.AddSiloBuilderConfigurator<PostgresSiloConfigurator>();
        Configure(builder);
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>More configurators for a derived fixture (a clock of its own, a client that reads streams).</summary>
    protected virtual void Configure(TestClusterBuilder builder)
    {
    }

    /// <summary>Configuration the silos start with; a derived fixture changes rules (hold duration, say).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }
    }

    private sealed class PostgresSiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var connectionString = siloBuilder.Configuration[ConnectionKey];
            foreach (var name in StorageNames.All)
            {
                siloBuilder.AddAdoNetGrainStorage(name, options =>
                {
                    options.Invariant = Marquee.ServiceDefaults.AdoNetInvariant.Npgsql;
                    options.ConnectionString = connectionString;
                });
            }
            siloBuilder.UseAdoNetReminderService(options =>
            {
                options.Invariant = Marquee.ServiceDefaults.AdoNetInvariant.Npgsql;
                options.ConnectionString = connectionString;
            });
            siloBuilder.AddMemoryStreams(StreamNames.Live);
            siloBuilder.Services.AddMarqueeGrainServices(siloBuilder.Configuration, connectionString!);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
