namespace Marquee.Catalog;

/// <summary>A subscription package: the genres it unlocks and its monthly price in BRL cents.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Catalog.PackageInfo")]
public sealed record PackageInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<int> GenreIds,
    [property: Id(3)] string Description,
    [property: Id(4)] long PriceCents,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt,
    [property: Id(7)] int Version,
    [property: Id(8)] bool Retired);

/// <summary>What a manager writes when creating or replacing a package.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Catalog.PackageDraft")]
public sealed record PackageDraft(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<int> GenreIds,
    [property: Id(2)] string Description,
    [property: Id(3)] long PriceCents);

[GenerateSerializer, Immutable, Alias("Marquee.Catalog.SubscriptionInfo")]
public sealed record SubscriptionInfo([property: Id(0)] PackageInfo Package, [property: Id(1)] DateTimeOffset SubscribedAt);

/// <summary>A subscribe call's answer; <see cref="Created"/> is false when the user already had it.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Catalog.SubscribeResult")]
public sealed record SubscribeResult([property: Id(0)] SubscriptionInfo Subscription, [property: Id(1)] bool Created);

/// <summary>A package's version did not match the one the caller based its change on.</summary>
[GenerateSerializer, Alias("Marquee.Catalog.StaleVersionException")]
public sealed class StaleVersionException(int currentVersion)
    : Common.DomainException($"The package changed since you read it; it is now at version {currentVersion}.")
{
    [Id(0)] public int CurrentVersion { get; } = currentVersion;
}

/// <summary>Limits a package must respect; the grain enforces them, the API advertises them in its schema.</summary>
public static class PackageRules
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 2000;
    public const int MaxGenres = 50;
    public const long MaxPriceCents = 10_000_000;
}
