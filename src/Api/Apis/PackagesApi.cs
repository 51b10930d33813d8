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
        packages.MapGet("", ListAsync).WithName("ListPackages")
            .WithSummary("Lists subscription packages.")
            .WithDescription("Anonymous, paginated, by name: the packages on sale; `includeRetired=true` adds retired ones.");
        packages.MapGet("{packageId:guid}", GetAsync).WithName("GetPackage").Answers(404)
            .SendsHeader(StatusCodes.Status200OK, "ETag", "The package's version, for If-Match on PUT and DELETE.")
            .WithSummary("One package.")
            .WithDescription("Anonymous; its ETag is its version.");
        packages.MapPost("", CreateAsync).WithName("CreatePackage").RequireAuthorization(Policies.Manager).Answers(409)
            .SendsHeader(StatusCodes.Status201Created, "ETag", "The new package's version (\"1\").")
            .WithSummary("Creates a package (manager).")
            .WithDescription("A unique name, one or more active genres, a description and a monthly price in cents; 409 when the name is taken.");
        packages.MapPut("{packageId:guid}", ReplaceAsync).WithName("ReplacePackage").RequireAuthorization(Policies.Manager).Answers(404, 409, 412, 428)
            .ReadsHeader("If-Match", required: true, "The ETag of the version being replaced.")
            .SendsHeader(StatusCodes.Status200OK, "ETag", "The package's new version.")
            .WithSummary("Replaces a package (manager).")
            .WithDescription("Optimistic: If-Match must carry the current ETag. 428 without it; 412 when someone changed the package since it was read, so a change is never silently overwritten.");
        packages.MapDelete("{packageId:guid}", RetireAsync).WithName("RetirePackage").RequireAuthorization(Policies.Manager).Answers(404, 412)
            .ReadsHeader("If-Match", required: false, "The ETag of the version being retired; 412 when it is stale.")
            .SendsHeader(StatusCodes.Status200OK, "ETag", "The package's new version.")
            .WithSummary("Retires a package (manager).")
            .WithDescription("Idempotent. Current subscribers keep it; nobody new may subscribe. Answers the retired package.");
        return api;
    }

    private static async Task<Ok<PagedResponse<PackageResponse>>> ListAsync(
        IClusterClient cluster,
        [AsParameters] PageQuery paging,
        bool includeRetired = false) =>
        TypedResults.Ok((await cluster.GetGrain<IPackagesGrain>(0).ListAsync(includeRetired, paging.PageNumber, paging.PageSize)).ToResponse(PackageResponse.From));

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
