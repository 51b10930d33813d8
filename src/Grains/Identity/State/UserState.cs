namespace Marquee.Identity.State;

[GenerateSerializer, Alias("Marquee.Identity.State.UserState")]
public sealed class UserState
{
    [Id(0)] public bool Registered { get; set; }
    [Id(1)] public string Email { get; set; } = "";
    [Id(2)] public string DisplayName { get; set; } = "";
    [Id(3)] public string? PasswordHash { get; set; }
    [Id(4)] public List<string> Roles { get; set; } = [];
    [Id(5)] public DateTimeOffset CreatedAt { get; set; }
    [Id(6)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(7)] public int FailedSignIns { get; set; }
    [Id(8)] public DateTimeOffset? LockedUntil { get; set; }
    [Id(9)] public Guid SecurityStamp { get; set; }
    [Id(10)] public string? ResetSecretHash { get; set; }
    [Id(11)] public DateTimeOffset? ResetExpiresAt { get; set; }
    [Id(12)] public Dictionary<string, string> ExternalLogins { get; set; } = [];
}

[GenerateSerializer, Alias("Marquee.Identity.State.EmailOwnerState")]
public sealed class EmailOwnerState
{
    [Id(0)] public Guid? Owner { get; set; }
}

[GenerateSerializer, Alias("Marquee.Identity.State.RefreshSessionState")]
public sealed class RefreshSessionState
{
    [Id(0)] public Guid UserId { get; set; }
    [Id(1)] public Guid SecurityStamp { get; set; }
    [Id(2)] public string? CurrentSecretHash { get; set; }
    [Id(3)] public HashSet<string> UsedSecretHashes { get; set; } = [];
    [Id(4)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(5)] public bool Revoked { get; set; }
}

[GenerateSerializer, Alias("Marquee.Identity.State.ExternalLoginState")]
public sealed class ExternalLoginState
{
    [Id(0)] public Guid? UserId { get; set; }
}
