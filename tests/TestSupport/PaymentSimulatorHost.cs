using Marquee.PaymentSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marquee.Testing;

/// <summary>The bundled payment simulator's endpoints on a loopback port, with a fixed seed so tests know each key's outcome.</summary>
public sealed class PaymentSimulatorHost : IAsyncDisposable
{
    public const int Seed = 2026;

    private readonly WebApplication _app;

    private PaymentSimulatorHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public SimulatorEndpoints.Ledger Ledger => _app.Services.GetRequiredService<SimulatorEndpoints.Ledger>();

    public SimulatorOptions Options => _app.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value;

    public static async Task<PaymentSimulatorHost> StartAsync(TimeSpan? latency = null)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(baseUrl.ToString());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:Seed"] = Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Simulator:ApprovalRate"] = "0.5",
            ["Simulator:Latency"] = (latency ?? TimeSpan.FromMilliseconds(20)).ToString(),
        });
        builder.Services.AddPaymentSimulator(builder.Configuration);
        var app = builder.Build();
        app.MapPaymentSimulator();
        await app.StartAsync();
        return new PaymentSimulatorHost(app, baseUrl);
    }

    /// <summary>Whether the simulator will approve the charge of this order.</summary>
    public bool Approves(Guid orderId) => SimulatorEndpoints.Approves(orderId.ToString(), Options);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
