using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marquee.Api.Infrastructure;
using Marquee.Api.Auth;
using Marquee.Api.Contracts.Common;
using Marquee.Api.Contracts.Concessions;
using Marquee.Concessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Api.Apis;

/// <summary>Concessions: the public menu, managers' CRUD, ratings by buyers, and checkout offers per showtime.</summary>
public static class ConcessionsApi
{
    public static RouteGroupBuilder MapConcessionsApi(this RouteGroupBuilder api)
    {
        var products = api.MapGroup("products").WithTags("Concessions");
        products.MapGet("", ListAsync).WithName("ListProducts")
            .WithSummary("Lists concessions.")
            .WithDescription("Anonymous, paginated. `search` by name; filters `categoryId`, `minPrice`/`maxPrice` (cents) and `inStock`; `sort` by `name`, `price`, `rating` or `popularity`, `-` first for descending. Products off sale are listed only to staff who ask with `includeInactive=true`.");
        products.MapGet("{productId:int}", GetAsync).WithName("GetProduct").Answers(404)
            .WithSummary("One product.")
            .WithDescription("Anonymous; with its average rating and how many ratings it has.");
        products.MapPost("", CreateAsync).WithName("CreateProduct").RequireAuthorization(Policies.Manager).Answers(409)
            .WithSummary("Adds a product (manager).")
            .WithDescription("Left out, the optional fields get defaults: no description, no image, on sale, serves one. 400 naming `categoryId` when the category does not exist; 409 when another product has the name.");
        products.MapPut("{productId:int}", UpdateAsync).WithName("UpdateProduct").RequireAuthorization(Policies.Manager).Answers(404, 409)
            .WithSummary("Replaces a product (manager).")
            .WithDescription("Name, category, price and stock are replaced; optional fields left out keep their current value (an off-sale product stays off sale unless `active` says otherwise); an empty description or image URL clears it.");
        products.MapDelete("{productId:int}", DeactivateAsync).WithName("DeactivateProduct").RequireAuthorization(Policies.Manager).Answers(404)
            .WithSummary("Takes a product off sale (manager).")
            .WithDescription("Past orders and ratings keep it; PUT with `active: true` puts it back on sale.");
        products.MapPost("{productId:int}/ratings", RateAsync).WithName("RateProduct").RequireAuthorization().Answers(409)
            .WithSummary("Rates a product the caller bought.")
            .WithDescription("1 to 5 stars, once per product per approved order of the caller: 400 naming `orderId` when the order is not the caller's, not approved or did not include the product; 409 when already rated.");

        var categories = api.MapGroup("categories").WithTags("Concessions");
        categories.MapGet("", ListCategoriesAsync).WithName("ListCategories")
            .WithSummary("Lists product categories.")
            .WithDescription("Anonymous, paginated, by name.");
        categories.MapPost("", CreateCategoryAsync).WithName("CreateCategory").RequireAuthorization(Policies.Manager).Answers(409)
            .WithSummary("Adds a product category (manager).")
            .WithDescription("409 when the name is taken.");

        api.MapGet("showtimes/{showtimeId:guid}/offers", OffersAsync).WithTags("Concessions").WithName("GetOffers").Answers(404)
            .WithSummary("Concessions to offer at a showtime's checkout.")
            .WithDescription("Anonymous, paginated, most relevant first: combos sized for the party (`partySize`), then what this movie's audience buys most, then the best rated. Only products on sale and in stock.");
        return api;
    }

    private static async Task<Ok<PagedResponse<ProductResponse>>> ListAsync(
        IClusterClient cluster,
        ClaimsPrincipal caller,
        [AsParameters] PageQuery paging,
        [StringLength(100)] string? search,
        [Range(1, int.MaxValue)] int? categoryId,
        [Range(0, ProductRules.MaxPriceCents)] long? minPrice,
        [Range(0, ProductRules.MaxPriceCents)] long? maxPrice,
        bool? inStock,
        [AllowedValues(null, "name", "-name", "price", "-price", "rating", "-rating", "popularity", "-popularity")] string? sort,
        bool includeInactive = false)
    {
        var descending = sort?.StartsWith('-') ?? false;
        var order = Enum.Parse<ProductSort>(sort?.TrimStart('-') ?? "name", ignoreCase: true);
        var filter = new ProductFilter(search, categoryId, minPrice, maxPrice, inStock, order, descending, includeInactive);
        return TypedResults.Ok((await cluster.GetGrain<IProductsGrain>(0).ListAsync(filter, caller.AsViewer(), paging.PageNumber, paging.PageSize)).ToResponse(ProductResponse.From));
    }

    private static async Task<Ok<ProductResponse>> GetAsync(int productId, IClusterClient cluster) =>
        TypedResults.Ok(ProductResponse.From(await cluster.GetGrain<IProductsGrain>(0).GetAsync(productId)));

    private static async Task<Created<ProductResponse>> CreateAsync(ProductRequest request, IClusterClient cluster)
    {
        var product = await cluster.GetGrain<IProductsGrain>(0).CreateAsync(request.ToDraft());
        return TypedResults.Created($"/api/v1/products/{product.Id}", ProductResponse.From(product));
    }

    private static async Task<Ok<ProductResponse>> UpdateAsync(int productId, ProductRequest request, IClusterClient cluster) =>
        TypedResults.Ok(ProductResponse.From(await cluster.GetGrain<IProductsGrain>(0).UpdateAsync(productId, request.ToDraft())));

    private static async Task<NoContent> DeactivateAsync(int productId, IClusterClient cluster)
    {
        await cluster.GetGrain<IProductsGrain>(0).DeactivateAsync(productId);
        return TypedResults.NoContent();
    }

    private static async Task<Created<ProductResponse>> RateAsync(int productId, RatingRequest request, ClaimsPrincipal caller, IClusterClient cluster)
    {
        var product = await cluster.GetGrain<IProductsGrain>(0).RateAsync(caller.UserId(), productId, request.OrderId!.Value, request.Stars!.Value);
        return TypedResults.Created($"/api/v1/products/{productId}", ProductResponse.From(product));
    }

    private static async Task<Ok<PagedResponse<CategoryResponse>>> ListCategoriesAsync(
        IClusterClient cluster,
        [AsParameters] PageQuery paging) =>
        TypedResults.Ok((await cluster.GetGrain<IProductsGrain>(0).ListCategoriesAsync(paging.PageNumber, paging.PageSize)).ToResponse(CategoryResponse.From));

    private static async Task<Created<CategoryResponse>> CreateCategoryAsync(CategoryRequest request, IClusterClient cluster)
    {
        var category = await cluster.GetGrain<IProductsGrain>(0).CreateCategoryAsync(request.Name);
        return TypedResults.Created($"/api/v1/categories/{category.Id}", CategoryResponse.From(category));
    }

    private static async Task<Ok<PagedResponse<ProductResponse>>> OffersAsync(
        Guid showtimeId,
        IClusterClient cluster,
        [AsParameters] PageQuery paging,
        [Range(1, 10)] int partySize = 1) =>
        TypedResults.Ok((await cluster.GetGrain<IProductsGrain>(0).OffersAsync(showtimeId, partySize, paging.PageNumber, paging.PageSize)).ToResponse(ProductResponse.From));
}
