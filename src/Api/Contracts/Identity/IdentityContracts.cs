using System.ComponentModel.DataAnnotations;
using Marquee.Api.Contracts.Common;

namespace Marquee.Api.Contracts.Identity;

// Request records list exactly the fields a caller may set: anything else in the body (roles, ids,
// verification flags) is ignored by the deserializer, so mass assignment has nothing to bind to.

public sealed record RegisterRequest(
    [property: Required, EmailAddress, StringLength(320)] string Email,
    [property: Required, StringLength(128, MinimumLength = 8)] string Password,
    [property: Required, StringLength(100, MinimumLength = 1)] string DisplayName);

public sealed record LoginRequest(
    [property: Required, StringLength(320)] string Email,
    [property: Required, StringLength(1024)] string Password);

public sealed record RefreshRequest([property: Required, StringLength(200)] string RefreshToken);

public sealed record LogoutRequest([property: Required, StringLength(200)] string RefreshToken);

public sealed record ForgotPasswordRequest([property: Required, EmailAddress, StringLength(320)] string Email);

public sealed record ResetPasswordRequest(
    [property: Required, StringLength(200)] string Token,
    [property: Required, StringLength(128, MinimumLength = 8)] string NewPassword);

public sealed record GoogleSignInRequest([property: Required, StringLength(8192)] string IdToken);

public sealed record UpdateProfileRequest([property: Required, StringLength(100, MinimumLength = 1)] string DisplayName);

public sealed record ChangePasswordRequest(
    [property: Required, StringLength(1024)] string CurrentPassword,
    [property: Required, StringLength(128, MinimumLength = 8)] string NewPassword);

public sealed record SetRolesRequest([property: Required, MinLength(1), MaxLength(3), NoNullItems] IReadOnlyList<string> Roles);

public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType = "Bearer");

public sealed record UserResponse(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt)
{
    public static UserResponse From(Marquee.Identity.UserProfile user) => new(user.Id, user.Email, user.DisplayName, user.Roles, user.CreatedAt);
}

/// <summary>The external sign-in providers this deployment offers; a provider that is not configured is null.</summary>
public sealed record AuthProvidersResponse(GoogleProviderResponse? Google);

/// <summary>What the web app needs to start Google sign-in: the OAuth client id (public by design).</summary>
/// <summary>What a browser needs to start Google's OpenID Connect implicit flow: whom to ask, and as which client.</summary>
public sealed record GoogleProviderResponse(string ClientId, string AuthorizationEndpoint);
