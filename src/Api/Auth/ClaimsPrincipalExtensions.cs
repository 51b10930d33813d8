using System.Security.Claims;

namespace Marquee.Api.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The authenticated user's id (the token's <c>sub</c>).</summary>
    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue("sub"), out var id) ? id : throw new InvalidOperationException("Authenticated principal without a user id.");

    /// <summary>Who the caller is, for the grains to decide what they may see.</summary>
    public static Marquee.Common.Viewer AsViewer(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue("sub"), out var id)
            ? new Marquee.Common.Viewer(id, Marquee.Identity.Roles.All.Where(principal.IsInRole).ToList())
            : Marquee.Common.Viewer.Anonymous;
}
