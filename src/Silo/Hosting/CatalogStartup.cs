using Marquee.Catalog;
using Marquee.Common;

namespace Marquee.Silo.Hosting;

/// <summary>
/// Schedules the catalog sync reminder at every silo start and, on the very first start, fills the
/// catalog before the silo reports started. A catalog source that is down delays nothing: the
/// reminder retries.
/// </summary>
public sealed partial class CatalogStartup(IGrainFactory grains, ILogger<CatalogStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<ICatalogSyncGrain>(0).EnsureScheduledAsync().WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DomainException or TimeoutException or OrleansException)
        {
            LogDeferred(ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The catalog sync could not be scheduled at start; it continues in the background or at the next silo start")]
    private partial void LogDeferred(Exception exception);
}
