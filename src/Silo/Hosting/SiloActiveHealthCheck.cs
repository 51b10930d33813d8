using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marquee.Silo.Hosting;

/// <summary>Ready only while this silo is an active cluster member: joining and shutting-down silos take no traffic.</summary>
internal sealed class SiloActiveHealthCheck(ISiloStatusOracle oracle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(oracle.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"silo is {oracle.CurrentStatus}"));
}
