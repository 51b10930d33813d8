using Marquee.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Marquee.ServiceDefaults;

namespace Marquee.Testing;

/// <summary>
/// A real Marquee silo (the same hosting code the Silo process runs) inside the test process, on free
/// loopback ports and its own database and cluster id.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessSilo(WebApplication app, string connectionString, string clusterId, int httpPort)
    {
        _app = app;
        ConnectionString = connectionString;
        ClusterId = clusterId;
        HttpBaseAddress = new Uri($"http://127.0.0.1:{httpPort}");
    }

    public string ConnectionString { get; }

    public string ClusterId { get; }

    public Uri HttpBaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<InProcessSilo> StartAsync(string connectionString, string? clusterId = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        clusterId ??= $"test-{Guid.NewGuid():N}";
        var httpPort = FreePort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Marquee"] = connectionString,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:ServiceId"] = clusterId,
            ["Silo:SiloPort"] = FreePort.Next().ToString(),
            ["Silo:GatewayPort"] = FreePort.Next().ToString(),
            ["Silo:AdvertisedAddress"] = "127.0.0.1",
            ["Urls"] = $"http://127.0.0.1:{httpPort}",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.AddServiceDefaults();
        builder.Logging.ClearProviders();
        builder.AddMarqueeSilo();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.MigrateSchemaAsync();
        await app.StartAsync();
        return new InProcessSilo(app, connectionString, clusterId, httpPort);
    }

    public T GetRequiredService<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
