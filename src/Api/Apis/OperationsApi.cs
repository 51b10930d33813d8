using System.ComponentModel.DataAnnotations;
using Marquee.Api.Auth;
using Marquee.Api.Contracts.Operations;
using Marquee.Operations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Api.Apis;

/// <summary>Admin-only views of the running cluster.</summary>
public static class OperationsApi
{
    public static RouteGroupBuilder MapOperationsApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("admin").WithTags("Operations").RequireAuthorization(Policies.Admin);
        admin.MapGet("cluster", GetClusterAsync).WithName("GetCluster").WithSummary("Silos in the membership table and their status.");
        admin.MapGet("canaries/{name}", ReadCanaryAsync).WithName("ReadCanary").WithSummary("A canary's persisted count.");
        admin.MapPost("canaries/{name}/touches", TouchCanaryAsync).WithName("TouchCanary")
            .WithSummary("Touches a canary: activates it, persists one more touch and answers after the write.");
        admin.MapGet("capacity-forecast", GetCapacityForecastAsync).WithName("GetCapacityForecast")
            .WithSummary("Expected demand for upcoming showtimes (popularity and sales velocity) and the recommended silo count.");
        return api;
    }

    private static async Task<Ok<CapacityForecastResponse>> GetCapacityForecastAsync(IClusterClient cluster) =>
        TypedResults.Ok(CapacityForecastResponse.From(await cluster.GetGrain<ICapacityForecastGrain>(0).RefreshAsync()));

    private static async Task<Ok<ClusterResponse>> GetClusterAsync(IClusterClient cluster)
    {
        var hosts = await cluster.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        var silos = hosts
            .OrderBy(host => host.SiloName, StringComparer.Ordinal)
            .Select(host => new SiloResponse(host.SiloAddress.ToString(), host.SiloName, host.HostName, host.Status.ToString(), host.StartTime))
            .ToList();
        return TypedResults.Ok(new ClusterResponse(silos));
    }

    private static async Task<Ok<CanaryResponse>> ReadCanaryAsync(IClusterClient cluster, [StringLength(64, MinimumLength = 1)] string name) =>
        TypedResults.Ok(ToResponse(await cluster.GetGrain<ICanaryGrain>(name).ReadAsync()));

    private static async Task<Ok<CanaryResponse>> TouchCanaryAsync(
        IClusterClient cluster, [StringLength(64, MinimumLength = 1)] string name, TouchCanaryRequest request) =>
        TypedResults.Ok(ToResponse(await cluster.GetGrain<ICanaryGrain>(name).TouchAsync(request.Count)));

    private static CanaryResponse ToResponse(CanaryReport report) =>
        new(report.Name, report.Touches, report.LastTouchedAt, report.Silo);
}
