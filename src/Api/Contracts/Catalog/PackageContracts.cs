using System.ComponentModel.DataAnnotations;
using Marquee.Catalog;

namespace Marquee.Api.Contracts.Catalog;

/// <summary>A package as managers write it, on create and on replace (PUT). Ids, versions and dates are the server's.</summary>
public sealed record PackageRequest(
    [property: Required, StringLength(PackageRules.MaxNameLength, MinimumLength = 1)] string Name,
    [property: Required, MinLength(1), MaxLength(PackageRules.MaxGenres)] IReadOnlyList<int> GenreIds,
    [property: StringLength(PackageRules.MaxDescriptionLength)] string? Description,
    [property: Required, Range(0, PackageRules.MaxPriceCents)] long? PriceCents)
{
    public PackageDraft ToDraft() => new(Name, GenreIds, Description ?? "", PriceCents ?? 0);
}

public sealed record PackageResponse(
    Guid Id, string Name, IReadOnlyList<int> GenreIds, string Description, long PriceCents, string Currency,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version, bool Retired)
{
    public static PackageResponse From(PackageInfo package) => new(
        package.Id, package.Name, package.GenreIds, package.Description, package.PriceCents, "BRL",
        package.CreatedAt, package.UpdatedAt, package.Version, package.Retired);
}

public sealed record SubscribeRequest([property: Required] Guid? PackageId);

public sealed record SubscriptionResponse(PackageResponse Package, DateTimeOffset SubscribedAt)
{
    public static SubscriptionResponse From(SubscriptionInfo subscription) => new(PackageResponse.From(subscription.Package), subscription.SubscribedAt);
}
