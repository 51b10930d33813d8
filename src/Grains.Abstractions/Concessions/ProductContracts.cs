using Marquee.Common;

namespace Marquee.Concessions;

[GenerateSerializer, Immutable, Alias("Marquee.Concessions.CategoryInfo")]
public sealed record CategoryInfo([property: Id(0)] int Id, [property: Id(1)] string Name);

/// <summary>A concession; <see cref="GroupSize"/> says how many people it serves (combos serve more than one).</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Concessions.ProductInfo")]
public sealed record ProductInfo(
    [property: Id(0)] int Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Description,
    [property: Id(3)] int CategoryId,
    [property: Id(4)] long PriceCents,
    [property: Id(5)] string? ImageUrl,
    [property: Id(6)] bool Active,
    [property: Id(7)] int Stock,
    [property: Id(8)] double RatingAverage,
    [property: Id(9)] int RatingCount,
    [property: Id(10)] int GroupSize);

/// <summary>
/// A product as staff write it. The optional fields are null when not sent: a new product then gets
/// the defaults (no description, no image, on sale, serves one), a replacement keeps what the product
/// had, so it never flips state the caller did not send. An empty description or image URL clears it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marquee.Concessions.ProductDraft")]
public sealed record ProductDraft(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] int CategoryId,
    [property: Id(3)] long PriceCents,
    [property: Id(4)] string? ImageUrl,
    [property: Id(5)] bool? Active,
    [property: Id(6)] int Stock,
    [property: Id(7)] int? GroupSize);

public enum ProductSort
{
    Name = 0,
    Price = 1,
    Rating = 2,
    Popularity = 3,
}

[GenerateSerializer, Immutable, Alias("Marquee.Concessions.ProductFilter")]
public sealed record ProductFilter(
    [property: Id(0)] string? Search = null,
    [property: Id(1)] int? CategoryId = null,
    [property: Id(2)] long? MinPriceCents = null,
    [property: Id(3)] long? MaxPriceCents = null,
    [property: Id(4)] bool? InStock = null,
    [property: Id(5)] ProductSort Sort = ProductSort.Name,
    [property: Id(6)] bool Descending = false,
    [property: Id(7)] bool IncludeInactive = false);

public static class ProductRules
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 1000;
    public const long MaxPriceCents = 100_000;
    public const int MaxStock = 1_000_000;
}

/// <summary>Concessions: categories, products and their stock, ratings and the checkout offers. Rows, queried in SQL.</summary>
[Alias("Marquee.Concessions.IProductsGrain")]
public interface IProductsGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    /// <summary>The menu; products off sale are listed only when the filter asks and the viewer is staff.</summary>
    Task<Page<ProductInfo>> ListAsync(ProductFilter filter, Viewer viewer, int pageNumber, int pageSize);

    [Alias("Get")]
    Task<ProductInfo> GetAsync(int productId);

    [Alias("Create")]
    Task<ProductInfo> CreateAsync(ProductDraft draft);

    [Alias("Update")]
    Task<ProductInfo> UpdateAsync(int productId, ProductDraft draft);

    /// <summary>Takes the product off sale; orders and ratings keep referring to it.</summary>
    [Alias("Deactivate")]
    Task DeactivateAsync(int productId);

    [Alias("ListCategories")]
    Task<Page<CategoryInfo>> ListCategoriesAsync(int pageNumber, int pageSize);

    [Alias("CreateCategory")]
    Task<CategoryInfo> CreateCategoryAsync(string name);

    /// <summary>
    /// Products to offer at checkout for a showtime: combos first for parties of two or more, then what
    /// this movie's audience bought most, then the best rated.
    /// </summary>
    [Alias("Offers")]
    Task<Page<ProductInfo>> OffersAsync(Guid showtimeId, int partySize, int pageNumber, int pageSize);

    /// <summary>One rating per product per approved order, by the order's owner.</summary>
    [Alias("Rate")]
    Task<ProductInfo> RateAsync(Guid userId, int productId, Guid orderId, int stars);
}
