using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Marquee.Cluster.Tests;

/// <summary>
/// The production topology on loopback: two silo processes and one API process that find each other
/// only through PostgreSQL membership, as in docker-compose and Kubernetes.
/// </summary>
public sealed class TwoSiloClusterFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);
    private readonly Dictionary<string, string> _shared = [];

    public TestTokens Tokens { get; } = new();

    /// <summary>The payment provider, in the test process, so it outlives any silo the tests kill.</summary>
    public PaymentSimulatorHost Payments { get; private set; } = null!;

    public MarqueeProcess SiloA { get; private set; } = null!;

    public MarqueeProcess SiloB { get; private set; } = null!;

    public MarqueeProcess Api { get; private set; } = null!;

    /// <summary>A second API instance: live seat maps must reach viewers on either.</summary>
    public MarqueeProcess SecondApi { get; private set; } = null!;

    /// <summary>An Orleans client of the test's own, for arranging state no endpoint creates yet.</summary>
    public IClusterClient Client => _clientHost!.Services.GetRequiredService<IClusterClient>();

    private IHost? _clientHost;

    public async Task InitializeAsync()
    {
        var connectionString = await MigratedDatabase.CreateAsync("cluster");
        var clusterId = $"cluster-{Guid.NewGuid():N}";
        _shared["ConnectionStrings__Marquee"] = connectionString;
        _shared["Orleans__ClusterId"] = clusterId;
        _shared["Orleans__ServiceId"] = clusterId;
        Payments = await PaymentSimulatorHost.StartAsync();
        _shared["Payments__BaseUrl"] = Payments.BaseUrl.ToString();
        _shared["Payments__RetryBaseDelay"] = "00:00:00.050";
        // Small, so a crash test's recovery replays a snapshot and the events after it.
        _shared["Cinema__SnapshotEveryEvents"] = "25";

        SiloA = StartSilo("silo-a");
        SiloB = StartSilo("silo-b");
        Api = StartApi("api");
        SecondApi = StartApi("api-2");

        await Task.WhenAll(SiloA.WaitUntilReadyAsync(StartPatience), SiloB.WaitUntilReadyAsync(StartPatience));
        await Task.WhenAll(Api.WaitUntilReadyAsync(StartPatience), SecondApi.WaitUntilReadyAsync(StartPatience));

        var clientBuilder = Host.CreateApplicationBuilder();
        clientBuilder.Logging.ClearProviders();
        clientBuilder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = clusterId;
            });
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = connectionString;
            });
        });
        _clientHost = clientBuilder.Build();
        await _clientHost.StartAsync();
        await WaitForActiveSilosAsync(2);
    }

    /// <summary>Waits until the cluster itself (not just each process) sees the expected number of active silos.</summary>
    private async Task WaitForActiveSilosAsync(int expected)
    {
        using var client = CreateAdminClient();
        var deadline = DateTime.UtcNow + StartPatience;
        while (DateTime.UtcNow < deadline)
        {
            var cluster = await client.GetFromJsonAsync<JsonElement>("/api/v1/admin/cluster");
            var active = cluster.GetProperty("silos").EnumerateArray().Count(silo => silo.GetProperty("status").GetString() == "Active");
            if (active == expected) return;
            await Task.Delay(250);
        }
        throw new TimeoutException($"the cluster never showed {expected} active silos");
    }

    private MarqueeProcess StartApi(string name) =>
        MarqueeProcess.Start(name, BuiltAssembly("Api", "Marquee.Api.dll"), FreePort.Next(), new Dictionary<string, string>(_shared)
        {
            ["Jwt__Issuer"] = TestTokens.Issuer,
            ["Jwt__Audience"] = TestTokens.Audience,
            ["Jwt__SigningKeyPath"] = Tokens.KeyPath,
            // Every test request comes from 127.0.0.1; the per-address limits are exercised in the API tests.
            ["Edge__RequestsPerWindow"] = "1000000",
            ["Edge__AuthRequestsPerWindow"] = "1000000",
            ["MARQUEE_DATA_DIR"] = Path.Combine(Path.GetTempPath(), $"marquee-cluster-{Guid.NewGuid():N}"),
        });

    /// <summary>A client acting as a customer with the given user id.</summary>
    public HttpClient CreateClientFor(Guid userId)
    {
        var client = new HttpClient { BaseAddress = Api.HttpAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Mint("customer", subject: userId.ToString()));
        return client;
    }

    public HttpClient CreateAdminClient(MarqueeProcess? api = null)
    {
        var client = new HttpClient { BaseAddress = (api ?? Api).HttpAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Mint("admin"));
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_clientHost is not null)
        {
            await _clientHost.StopAsync();
            _clientHost.Dispose();
        }
        foreach (var process in new[] { Api, SecondApi, SiloA, SiloB })
        {
            if (process is not null) await process.DisposeAsync();
        }
        if (Payments is not null) await Payments.DisposeAsync();
        Tokens.Dispose();
    }

    private readonly Dictionary<int, MarqueeProcess> _silosByPort = [];

    /// <summary>The silo process hosting <paramref name="grain"/> right now.</summary>
    public async Task<MarqueeProcess> SiloHostingAsync(IAddressable grain)
    {
        var address = await Client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain)
            ?? throw new InvalidOperationException("the grain is not active anywhere");
        return _silosByPort[address.Endpoint.Port];
    }

    private MarqueeProcess StartSilo(string name)
    {
        var siloPort = FreePort.Next();
        var silo = StartSiloOn(name, siloPort, FreePort.Next());
        _silosByPort[siloPort] = silo;
        return silo;
    }

    /// <summary>The silo and gateway ports of a running silo of this cluster.</summary>
    public (int SiloPort, int GatewayPort) PortsOf(MarqueeProcess silo) => _portsBySilo[silo];

    private readonly Dictionary<MarqueeProcess, (int, int)> _portsBySilo = [];

    /// <summary>Starts one more silo of this cluster on the given ports (the caller disposes it).</summary>
    public MarqueeProcess StartSiloOn(string name, int siloPort, int gatewayPort)
    {
        var silo = MarqueeProcess.Start(name, BuiltAssembly("Silo", "Marquee.Silo.dll"), FreePort.Next(), new Dictionary<string, string>(_shared)
        {
            ["Silo__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Silo__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Silo__AdvertisedAddress"] = "127.0.0.1",
        });
        _portsBySilo[silo] = (siloPort, gatewayPort);
        return silo;
    }

    /// <summary>The project's build output in the same configuration as this test assembly.</summary>
    private static string BuiltAssembly(string project, string fileName)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(RepositoryRoot.Path, "src", project, "bin", configuration, "net10.0", fileName);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: {path} is missing.");
    }
}
