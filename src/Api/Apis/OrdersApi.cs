using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marquee.Api.Auth;
using Marquee.Api.Contracts.Common;
using Marquee.Api.Contracts.Orders;
using Marquee.Common;
using Marquee.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Api.Apis;

/// <summary>
/// Orders: created Pending at once (Idempotency-Key required, scoped to the caller), processed off the
/// request path; their owners read and cancel them, managers refund, admins see everything and retry
/// dead letters.
/// </summary>
public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("orders").WithTags("Orders").RequireAuthorization();
        orders.MapPost("", CreateAsync).WithName("CreateOrder")
            .WithSummary("201 Pending with the server-computed amount; a replay of the Idempotency-Key returns the same order, another body under it is 422.");
        orders.MapGet("{orderId:guid}", GetAsync).WithName("GetOrder");
        orders.MapPost("{orderId:guid}/cancel", CancelAsync).WithName("CancelOrder");
        orders.MapPost("{orderId:guid}/refund", RefundAsync).WithName("RefundOrder").RequireAuthorization(Policies.Manager);
        api.MapGet("users/me/orders", ListMineAsync).WithTags("Orders").WithName("ListMyOrders").RequireAuthorization();

        var deadLetters = api.MapGroup("admin/dead-letters").WithTags("Operations").RequireAuthorization(Policies.Admin);
        deadLetters.MapGet("", ListDeadLettersAsync).WithName("ListDeadLetters");
        deadLetters.MapPost("{orderId:guid}/retry", RetryAsync).WithName("RetryDeadLetter");
        return api;
    }

    private static async Task<Results<Created<OrderResponse>, ProblemHttpResult>> CreateAsync(
        CreateOrderRequest request, ClaimsPrincipal caller, IClusterClient cluster, HttpRequest http)
    {
        var key = http.Headers["Idempotency-Key"].ToString().Trim();
        if (key.Length is 0 or > OrderIds.MaxKeyLength)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Idempotency-Key is required.",
                detail: $"Send a unique Idempotency-Key (1 to {OrderIds.MaxKeyLength} characters) with each new order; resend it to retry safely.");
        }
        var userId = caller.UserId();
        var order = request.ToRequest();
        var created = await cluster.GetGrain<IOrderGrain>(OrderIds.For(userId, key)).CreateAsync(userId, order, OrderIds.Fingerprint(order));
        return TypedResults.Created($"/api/v1/orders/{created.Id}", OrderResponse.From(created));
    }

    private static async Task<Results<Ok<OrderResponse>, NotFound>> GetAsync(Guid orderId, ClaimsPrincipal caller, IClusterClient cluster)
    {
        var order = await cluster.GetGrain<IOrderGrain>(orderId).GetAsync();
        return CanSee(caller, order) ? TypedResults.Ok(OrderResponse.From(order)) : TypedResults.NotFound();
    }

    private static async Task<Ok<OrderResponse>> CancelAsync(Guid orderId, ClaimsPrincipal caller, IClusterClient cluster) =>
        TypedResults.Ok(OrderResponse.From(await cluster.GetGrain<IOrderGrain>(orderId).CancelAsync(caller.UserId())));

    private static async Task<Ok<OrderResponse>> RefundAsync(Guid orderId, IClusterClient cluster) =>
        TypedResults.Ok(OrderResponse.From(await cluster.GetGrain<IOrderGrain>(orderId).RefundAsync()));

    private static async Task<Ok<PagedResponse<OrderResponse>>> ListMineAsync(
        ClaimsPrincipal caller,
        IClusterClient cluster,
        [Range(1, 100_000)] int pageNumber = 1,
        [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await LoadAsync(cluster, await cluster.GetGrain<IOrderDirectoryGrain>(0).ListForUserAsync(caller.UserId(), pageNumber, pageSize)));

    private static async Task<Ok<PagedResponse<OrderResponse>>> ListDeadLettersAsync(
        IClusterClient cluster,
        [Range(1, 100_000)] int pageNumber = 1,
        [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await LoadAsync(cluster, await cluster.GetGrain<IOrderDirectoryGrain>(0).ListDeadLettersAsync(pageNumber, pageSize)));

    private static async Task<Ok<OrderResponse>> RetryAsync(Guid orderId, IClusterClient cluster) =>
        TypedResults.Ok(OrderResponse.From(await cluster.GetGrain<IOrderGrain>(orderId).RetryAsync()));

    /// <summary>The read model gives the page's ids; each order grain gives its current state.</summary>
    private static async Task<PagedResponse<OrderResponse>> LoadAsync(IClusterClient cluster, Page<Guid> ids)
    {
        var orders = await Task.WhenAll(ids.Items.Select(id => cluster.GetGrain<IOrderGrain>(id).GetAsync()));
        return new Page<OrderInfo>(orders, ids.PageNumber, ids.PageSize, ids.TotalItems).ToResponse(OrderResponse.From);
    }

    private static bool CanSee(ClaimsPrincipal caller, OrderInfo order) =>
        caller.IsSelfOrAdmin(order.UserId) || caller.IsInRole(Policies.Roles.Manager);
}
