using System.ComponentModel.DataAnnotations;
using Marquee.Api.Auth;
using Marquee.Api.Contracts.Catalog;
using Marquee.Api.Contracts.Common;
using Marquee.Api.Infrastructure;
using Marquee.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Api.Apis;

/// <summary>
/// Subscription packages. Writes are optimistic: the version is the ETag, a replace needs
/// <c>If-Match</c> (428 without, 412 when stale), and "delete" retires.
/// </summary>
public static class PackagesApi
{
    public static RouteGroupBuilder MapPackagesApi(this RouteGroupBuilder api)
    {
        var packages = api.MapGroup("packages").WithTags("Packages");
        packages.MapGet("", ListAsync).WithName("ListPackages").WithSummary("Packages on sale; includeRetired=true adds retired ones.");
        packages.MapGet("{packageId:guid}", GetAsync).WithName("GetPackage");
        packages.MapPost("", CreateAsync).WithName("CreatePackage").RequireAuthorization(Policies.Manager);
        packages.MapPut("{packageId:guid}", ReplaceAsync).WithName("ReplacePackage").RequireAuthorization(Policies.Manager)
            .WithSummary("Replaces the package; If-Match with its current ETag is required.");
        packages.MapDelete("{packageId:guid}", RetireAsync).WithName("RetirePackage").RequireAuthorization(Policies.Manager)
            .WithSummary("Retires the package: subscribers keep it, nobody new may subscribe. If-Match is optional here.");
        return api;
    }

    private static async Task<Ok<PagedResponse<PackageResponse>>> ListAsync(
        IClusterClient cluster,
        bool includeRetired = false,
        [Range(1, 100_000)] int pageNumber = 1,
        [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok((await cluster.GetGrain<IPackagesGrain>(0).ListAsync(includeRetired, pageNumber, pageSize)).ToResponse(PackageResponse.From));

    private static async Task<Ok<PackageResponse>> GetAsync(Guid packageId, IClusterClient cluster, HttpResponse response) =>
        Tagged(response, await cluster.GetGrain<IPackagesGrain>(0).GetAsync(packageId));

    private static async Task<Created<PackageResponse>> CreateAsync(PackageRequest request, IClusterClient cluster, HttpResponse response)
    {
        var package = await cluster.GetGrain<IPackagesGrain>(0).CreateAsync(request.ToDraft());
        response.Headers.ETag = VersionTags.For(package.Version);
        return TypedResults.Created($"/api/v1/packages/{package.Id}", PackageResponse.From(package));
    }

    private static async Task<Results<Ok<PackageResponse>, ProblemHttpResult>> ReplaceAsync(
        Guid packageId, PackageRequest request, IClusterClient cluster, HttpRequest http, HttpResponse response)
    {
        var ifMatch = VersionTags.ReadIfMatch(http);
        if (!ifMatch.Present)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match is required.",
                detail: "Send the package's current ETag in If-Match, so a change made since you read it is not overwritten.");
        }
        return Tagged(response, await cluster.GetGrain<IPackagesGrain>(0).UpdateAsync(packageId, ifMatch.Version, request.ToDraft()));
    }

    private static async Task<Ok<PackageResponse>> RetireAsync(Guid packageId, IClusterClient cluster, HttpRequest http, HttpResponse response)
    {
        var ifMatch = VersionTags.ReadIfMatch(http);
        return Tagged(response, await cluster.GetGrain<IPackagesGrain>(0).RetireAsync(packageId, ifMatch.Present ? ifMatch.Version : null));
    }

    private static Ok<PackageResponse> Tagged(HttpResponse response, PackageInfo package)
    {
        response.Headers.ETag = VersionTags.For(package.Version);
        return TypedResults.Ok(PackageResponse.From(package));
    }
}
