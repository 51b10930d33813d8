using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marquee.Api.Infrastructure;
using Marquee.Api.Auth;
using Marquee.Api.Contracts.Catalog;
using Marquee.Api.Contracts.Common;
using Marquee.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Api.Apis;

/// <summary>The caller's subscriptions and watch history, and watch reports (self or admin; everyone for admins).</summary>
public static class LibraryApi
{
    public static RouteGroupBuilder MapLibraryApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("users/me").WithTags("Library").RequireAuthorization();
        me.MapGet("subscriptions", ListSubscriptionsAsync).WithName("ListSubscriptions")
            .WithSummary("The caller's active subscriptions.")
            .WithDescription("Paginated; each with its package (retired ones included: subscribers keep them) and when it started.");
        me.MapPost("subscriptions", SubscribeAsync).WithName("Subscribe").Answers(404, 409)
            .WithSummary("Subscribes the caller to a package.")
            .WithDescription("Idempotent: 201 for a new subscription, 200 when the caller already has it; 404 for an unknown package, 409 for a retired one.");
        me.MapDelete("subscriptions/{packageId:guid}", CancelAsync).WithName("CancelSubscription").Answers(404)
            .WithSummary("Cancels one of the caller's subscriptions.")
            .WithDescription("Idempotent: 204 whether or not the caller was subscribed; 404 for a package that does not exist. The package's genres stop being unlocked unless another package unlocks them.");
        me.MapGet("watched", ListWatchedAsync).WithName("ListWatched")
            .WithSummary("The movies the caller marked as watched.")
            .WithDescription("Paginated, the most recently marked first.");
        me.MapPut("watched/{movieId:int}", MarkWatchedAsync).WithName("MarkWatched").Answers(403, 404)
            .WithSummary("Marks a movie as watched.")
            .WithDescription("Idempotent: 201 when newly marked, 200 when it already was. 403 when none of the caller's packages unlocks the movie; 404 when TMDB does not know it.");
        me.MapDelete("watched/{movieId:int}", UnmarkWatchedAsync).WithName("UnmarkWatched")
            .WithSummary("Unmarks a watched movie.")
            .WithDescription("Idempotent: 204 whether or not it was marked.");

        api.MapGet("users/{userId:guid}/watch-report", GetReportAsync).WithTags("Reports").WithName("GetWatchReport").RequireAuthorization().Answers(404)
            .WithSummary("One account's watch report.")
            .WithDescription("Total watched, the most watched theme (ties go to the one watched most recently) and the last film watched; both null when nothing is. The caller's own, or any for admins; anyone else's id answers 404.");
        api.MapGet("reports/watch", ListReportsAsync).WithTags("Reports").WithName("ListWatchReports").RequireAuthorization(Policies.Admin)
            .WithSummary("Every account's watch report (admin).")
            .WithDescription("Paginated, in the same shape as the single report.");
        return api;
    }

    private static async Task<Ok<PagedResponse<SubscriptionResponse>>> ListSubscriptionsAsync(
        ClaimsPrincipal caller,
        IClusterClient cluster,
        [AsParameters] PageQuery paging) =>
        TypedResults.Ok((await Library(cluster, caller).ListSubscriptionsAsync(paging.PageNumber, paging.PageSize)).ToResponse(SubscriptionResponse.From));

    private static async Task<Results<Created<SubscriptionResponse>, Ok<SubscriptionResponse>>> SubscribeAsync(
        SubscribeRequest request, ClaimsPrincipal caller, IClusterClient cluster)
    {
        var result = await Library(cluster, caller).SubscribeAsync(request.PackageId!.Value);
        var body = SubscriptionResponse.From(result.Subscription);
        return result.Created ? TypedResults.Created($"/api/v1/users/me/subscriptions/{body.Package.Id}", body) : TypedResults.Ok(body);
    }

    private static async Task<NoContent> CancelAsync(Guid packageId, ClaimsPrincipal caller, IClusterClient cluster)
    {
        await Library(cluster, caller).CancelSubscriptionAsync(packageId);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PagedResponse<WatchedResponse>>> ListWatchedAsync(
        ClaimsPrincipal caller,
        IClusterClient cluster,
        [AsParameters] PageQuery paging) =>
        TypedResults.Ok((await Library(cluster, caller).ListWatchedAsync(paging.PageNumber, paging.PageSize)).ToResponse(WatchedResponse.From));

    private static async Task<Results<Created<WatchedResponse>, Ok<WatchedResponse>>> MarkWatchedAsync(
        [Range(1, int.MaxValue)] int movieId, ClaimsPrincipal caller, IClusterClient cluster)
    {
        var result = await Library(cluster, caller).MarkWatchedAsync(movieId);
        var body = WatchedResponse.From(result.Watched);
        return result.Created ? TypedResults.Created($"/api/v1/users/me/watched/{movieId}", body) : TypedResults.Ok(body);
    }

    private static async Task<NoContent> UnmarkWatchedAsync([Range(1, int.MaxValue)] int movieId, ClaimsPrincipal caller, IClusterClient cluster)
    {
        await Library(cluster, caller).UnmarkWatchedAsync(movieId);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WatchReportResponse>> GetReportAsync(Guid userId, ClaimsPrincipal caller, IClusterClient cluster) =>
        TypedResults.Ok(WatchReportResponse.From(await cluster.GetGrain<IWatchReportsGrain>(0).GetForAsync(userId, caller.AsViewer())));

    private static async Task<Ok<PagedResponse<WatchReportResponse>>> ListReportsAsync(
        IClusterClient cluster,
        [AsParameters] PageQuery paging) =>
        TypedResults.Ok((await cluster.GetGrain<IWatchReportsGrain>(0).ListAsync(paging.PageNumber, paging.PageSize)).ToResponse(WatchReportResponse.From));

    private static ILibraryGrain Library(IClusterClient cluster, ClaimsPrincipal caller) => cluster.GetGrain<ILibraryGrain>(caller.UserId());
}
