using Marquee.Identity;

namespace Marquee.Common;

/// <summary>
/// Who is asking. The API says who the caller is; the grains decide what that caller may see, so the
/// rule lives with the data it guards.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marquee.Common.Viewer")]
public sealed record Viewer([property: Id(0)] Guid UserId, [property: Id(1)] IReadOnlyList<string> Roles)
{
    public static Viewer Anonymous { get; } = new(Guid.Empty, []);

    public bool IsAdmin => Roles.Contains(Identity.Roles.Admin);

    /// <summary>Managers and admins: the people who run the chain.</summary>
    public bool IsStaff => IsAdmin || Roles.Contains(Identity.Roles.Manager);

    /// <summary>The viewer's own data, or any for an admin.</summary>
    public bool IsSelfOrAdmin(Guid ownerId) => IsAdmin || (UserId != Guid.Empty && UserId == ownerId);
}
