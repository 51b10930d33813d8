using System.Security.Claims;

namespace Marquee.Api.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The authenticated user's id (the token's <c>sub</c>).</summary>
    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue("sub"), out var id) ? id : throw new InvalidOperationException("Authenticated principal without a user id.");

    public static bool IsSelfOrAdmin(this ClaimsPrincipal principal, Guid userId) =>
        principal.IsInRole(Policies.Roles.Admin) || (Guid.TryParse(principal.FindFirstValue("sub"), out var id) && id == userId);
}
