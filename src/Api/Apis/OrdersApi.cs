using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marquee.Api.Infrastructure;
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
        orders.MapPost("", CreateAsync).WithName("CreateOrder").Answers(404, 409, 422)
            .ReadsHeader("Idempotency-Key", required: true, "A key unique to this checkout (1 to 100 characters); resending it returns the same order.")
            .SendsHeader(StatusCodes.Status201Created, "Location", "The order's URL.")
            .WithSummary("Places an order (tickets from a hold, concessions, or both).")
            .WithDescription("Answers 201 at once with the order Pending and its amount computed by the server; payment runs off the request path, so poll GET /orders/{orderId} until the status is final. Tickets need the showtime and the caller's hold (one ticket per held seat, `full` or `half` for meia-entrada); 409 when the hold expired or belongs to another order. A replay of the Idempotency-Key returns the same order; another body under the same key is 422.");
        orders.MapGet("{orderId:guid}", GetAsync).WithName("GetOrder").Answers(404)
            .WithSummary("One order and its status.")
            .WithDescription("The owner's, or any for staff; anyone else's id answers 404. Tickets carry their codes once the order is Approved.");
        orders.MapPost("{orderId:guid}/cancel", CancelAsync).WithName("CancelOrder").Answers(404, 409)
            .WithSummary("Cancels one of the caller's orders.")
            .WithDescription("A pending order not yet charged, or one whose payment failed: its seats and stock go back on sale. Idempotent for a cancelled order; 409 once the provider may have charged it (a refund undoes it then).");
        orders.MapPost("{orderId:guid}/refund", RefundAsync).WithName("RefundOrder").RequireAuthorization(Policies.Manager).Answers(404, 409)
            .WithSummary("Refunds an approved order (manager).")
            .WithDescription("The payment is refunded, the seats and stock go back on sale and the customer is mailed. Idempotent for a refunded order; 409 when the order is not approved.");
        api.MapGet("users/me/orders", ListMineAsync).WithTags("Orders").WithName("ListMyOrders").RequireAuthorization()
            .WithSummary("The caller's orders.")
            .WithDescription("Paginated, the newest first.");

        var deadLetters = api.MapGroup("admin/dead-letters").WithTags("Operations").RequireAuthorization(Policies.Admin);
        deadLetters.MapGet("", ListDeadLettersAsync).WithName("ListDeadLetters")
            .WithSummary("Orders whose payment failed after every retry (admin).")
            .WithDescription("Paginated; each order says in `failure` what went wrong.");
        deadLetters.MapPost("{orderId:guid}/retry", RetryAsync).WithName("RetryDeadLetter").Answers(404, 409)
            .WithSummary("Retries a dead-lettered order (admin).")
            .WithDescription("The order goes back to Pending and its payment is tried again with the same idempotency key; 409 when it is not dead-lettered.");
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

    private static async Task<Ok<OrderResponse>> GetAsync(Guid orderId, ClaimsPrincipal caller, IClusterClient cluster) =>
        TypedResults.Ok(OrderResponse.From(await cluster.GetGrain<IOrderGrain>(orderId).GetForAsync(caller.AsViewer())));

    private static async Task<Ok<OrderResponse>> CancelAsync(Guid orderId, ClaimsPrincipal caller, IClusterClient cluster) =>
        TypedResults.Ok(OrderResponse.From(await cluster.GetGrain<IOrderGrain>(orderId).CancelAsync(caller.UserId())));

    private static async Task<Ok<OrderResponse>> RefundAsync(Guid orderId, IClusterClient cluster) =>
        TypedResults.Ok(OrderResponse.From(await cluster.GetGrain<IOrderGrain>(orderId).RefundAsync()));

    private static async Task<Ok<PagedResponse<OrderResponse>>> ListMineAsync(
        ClaimsPrincipal caller,
        IClusterClient cluster,
        [AsParameters] PageQuery paging) =>
        TypedResults.Ok(await LoadAsync(cluster, caller, await cluster.GetGrain<IOrderDirectoryGrain>(0).ListForUserAsync(caller.UserId(), paging.PageNumber, paging.PageSize)));

    private static async Task<Ok<PagedResponse<OrderResponse>>> ListDeadLettersAsync(
        ClaimsPrincipal caller,
        IClusterClient cluster,
        [AsParameters] PageQuery paging) =>
        TypedResults.Ok(await LoadAsync(cluster, caller, await cluster.GetGrain<IOrderDirectoryGrain>(0).ListDeadLettersAsync(paging.PageNumber, paging.PageSize)));

    private static async Task<Ok<OrderResponse>> RetryAsync(Guid orderId, IClusterClient cluster) =>
        TypedResults.Ok(OrderResponse.From(await cluster.GetGrain<IOrderGrain>(orderId).RetryAsync()));

    /// <summary>The read model gives the page's ids; each order grain gives its current state.</summary>
    private static async Task<PagedResponse<OrderResponse>> LoadAsync(IClusterClient cluster, ClaimsPrincipal caller, Page<Guid> ids)
    {
        var viewer = caller.AsViewer();
        var orders = await Task.WhenAll(ids.Items.Select(id => cluster.GetGrain<IOrderGrain>(id).GetForAsync(viewer)));
        return new Page<OrderInfo>(orders, ids.PageNumber, ids.PageSize, ids.TotalItems).ToResponse(OrderResponse.From);
    }
}
