namespace Marquee.Identity;

/// <summary>Role names; an account always has at least <see cref="Customer"/>.</summary>
public static class Roles
{
    public const string Customer = "customer";
    public const string Manager = "manager";
    public const string Admin = "admin";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Customer, Manager, Admin };
}

/// <summary>What anyone allowed to see an account sees; never credentials.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Identity.UserProfile")]
public sealed record UserProfile(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] IReadOnlyList<string> Roles,
    [property: Id(4)] DateTimeOffset CreatedAt);

/// <summary>A new account. A null password makes an account that can only sign in externally.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Identity.NewAccount")]
public sealed record NewAccount(
    [property: Id(0)] string Email,
    [property: Id(1)] string? Password,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] IReadOnlyList<string> Roles);

/// <summary>A refresh token's parts: the session (family) it belongs to and its one-time secret.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Identity.RefreshGrant")]
public sealed record RefreshGrant(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] string Secret,
    [property: Id(2)] DateTimeOffset ExpiresAt);

/// <summary>The outcome of a rotation: who the session belongs to and the grant that replaces the used one.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Identity.RotatedSession")]
public sealed record RotatedSession(
    [property: Id(0)] UserProfile User,
    [property: Id(1)] RefreshGrant Next);

/// <summary>Filters for the admin user listing.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Identity.UserQuery")]
public sealed record UserQuery(
    [property: Id(0)] string? EmailContains,
    [property: Id(1)] string? Role,
    [property: Id(2)] int PageNumber,
    [property: Id(3)] int PageSize);

/// <summary>A verified identity from an external provider (Google today).</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Identity.ExternalIdentity")]
public sealed record ExternalIdentity(
    [property: Id(0)] string Provider,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Email,
    [property: Id(3)] bool EmailVerified,
    [property: Id(4)] string DisplayName);

/// <summary>Too many sign-in attempts for one email: the caller waits <see cref="RetryAfter"/> before the next.</summary>
[GenerateSerializer, Alias("Marquee.Identity.SignInThrottledException")]
public sealed class SignInThrottledException(TimeSpan retryAfter) : Marquee.Common.DomainException("Too many sign-in attempts.")
{
    [Id(0)] public TimeSpan RetryAfter { get; } = retryAfter;
}
