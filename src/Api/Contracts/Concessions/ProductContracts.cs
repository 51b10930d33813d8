using System.ComponentModel.DataAnnotations;
using Marquee.Concessions;

namespace Marquee.Api.Contracts.Concessions;

/// <summary>
/// A product as staff write it, on create and on replace (PUT). Optional fields left out get the
/// defaults on create (no description, no image, on sale, serves one) and keep their current value on
/// replace; send an empty string to clear the description or the image.
/// </summary>
public sealed record ProductRequest(
    [property: Required, StringLength(ProductRules.MaxNameLength, MinimumLength = 1)] string Name,
    [property: StringLength(ProductRules.MaxDescriptionLength)] string? Description,
    [property: Required, Range(1, int.MaxValue)] int? CategoryId,
    [property: Required, Range(1, ProductRules.MaxPriceCents)] long? PriceCents,
    [property: StringLength(500)] string? ImageUrl,
    bool? Active,
    [property: Required, Range(0, ProductRules.MaxStock)] int? Stock,
    [property: Range(1, 10)] int? GroupSize)
{
    public ProductDraft ToDraft() => new(Name, Description, CategoryId!.Value, PriceCents!.Value, ImageUrl, Active, Stock!.Value, GroupSize);
}

public sealed record RatingSummary(double Average, int Count);

public sealed record ProductResponse(
    int Id, string Name, string Description, int CategoryId, long PriceCents, string Currency, string? ImageUrl, bool Active, int Stock, int GroupSize, RatingSummary Rating)
{
    public static ProductResponse From(ProductInfo product) => new(
        product.Id, product.Name, product.Description, product.CategoryId, product.PriceCents, "BRL", product.ImageUrl, product.Active,
        product.Stock, product.GroupSize, new RatingSummary(product.RatingAverage, product.RatingCount));
}

public sealed record CategoryRequest([property: Required, StringLength(60, MinimumLength = 1)] string Name);

public sealed record CategoryResponse(int Id, string Name)
{
    public static CategoryResponse From(CategoryInfo category) => new(category.Id, category.Name);
}

public sealed record RatingRequest([property: Required] Guid? OrderId, [property: Required, Range(1, 5)] int? Stars);
