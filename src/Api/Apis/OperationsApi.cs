using System.ComponentModel.DataAnnotations;
using Marquee.Api.Infrastructure;
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
        admin.MapGet("cluster", GetClusterAsync).WithName("GetCluster")
            .WithSummary("The cluster's silos (admin).")
            .WithDescription("Every silo in the membership table with its address, name, host, status and start time.");
        admin.MapGet("canaries/{name}", ReadCanaryAsync).WithName("ReadCanary")
            .WithSummary("A canary's persisted count (admin).")
            .WithDescription("Canaries are tiny stateful grains ops touch to check that activation and storage work end to end.");
        admin.MapPost("canaries/{name}/touches", TouchCanaryAsync).WithName("TouchCanary")
            .WithSummary("Touches a canary (admin).")
            .WithDescription("Activates it, persists `count` more touches and answers after the write, with the silo that did it.");
        admin.MapGet("capacity-forecast", GetCapacityForecastAsync).WithName("GetCapacityForecast")
            .WithSummary("Demand forecast and recommended silo count (admin).")
            .WithDescription("Expected demand for upcoming showtimes (movie popularity, then sales velocity once enough seats sold) and the silo count it calls for, the figures the autoscaler reads.");
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
        TypedResults.Ok(ToResponse(await cluster.GetGrain<ICanaryGrain>(name).TouchAsync(request.Count!.Value)));

    private static CanaryResponse ToResponse(CanaryReport report) =>
        new(report.Name, report.Touches, report.LastTouchedAt, report.Silo);
}
