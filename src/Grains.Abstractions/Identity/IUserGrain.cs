using Marquee.Common;

namespace Marquee.Identity;

/// <summary>
/// One account: credentials, roles, lockout, password-reset token and the security stamp whose change
/// invalidates every refresh session. Keyed by the user id.
/// </summary>
[Alias("Marquee.Identity.IUserGrain")]
public interface IUserGrain : IGrainWithGuidKey
{
    /// <summary>Creates the account; <see cref="ConflictException"/> when the email is taken.</summary>
    [Alias("Register")]
    Task<UserProfile> RegisterAsync(NewAccount account);

    /// <summary>Whether this id holds a registered account (used to recover abandoned email claims).</summary>
    [Alias("IsRegistered")]
    Task<bool> IsRegisteredAsync();

    /// <summary>
    /// Checks a password. Failures count towards lockout; a locked account fails without checking.
    /// <see cref="AuthenticationFailedException"/> for every failure, whatever its reason.
    /// </summary>
    [Alias("SignIn")]
    Task<UserProfile> SignInAsync(string password);

    [Alias("GetProfile")]
    Task<UserProfile> GetProfileAsync();

    /// <summary>The account as <paramref name="viewer"/> may see it: its owner or an admin; anyone else gets <see cref="Marquee.Common.NotFoundException"/>.</summary>
    [Alias("GetProfileFor")]
    Task<UserProfile> GetProfileForAsync(Viewer viewer);

    [Alias("UpdateProfile")]
    Task<UserProfile> UpdateProfileAsync(string displayName);

    /// <summary>Needs the current password; revokes every refresh session.</summary>
    [Alias("ChangePassword")]
    Task ChangePasswordAsync(string currentPassword, string newPassword);

    [Alias("SetRoles")]
    Task<UserProfile> SetRolesAsync(IReadOnlyList<string> roles);

    /// <summary>Issues a one-time reset token (stored hashed) and mails the link.</summary>
    [Alias("RequestPasswordReset")]
    Task RequestPasswordResetAsync();

    /// <summary>Consumes a reset token, sets the password and revokes every refresh session.</summary>
    [Alias("ResetPassword")]
    Task ResetPasswordAsync(string secret, string newPassword);

    /// <summary>Links an external login to this account.</summary>
    [Alias("LinkExternal")]
    Task<UserProfile> LinkExternalAsync(string provider, string subject);

    /// <summary>Changes whenever credentials change; refresh sessions started under another stamp are dead.</summary>
    [Alias("GetSecurityStamp")]
    Task<Guid> GetSecurityStampAsync();
}

/// <summary>
/// The single owner of one normalized email address: the serialization point that makes email
/// uniqueness hold under concurrent registrations. Keyed by the normalized (lower-case) email.
/// </summary>
[Alias("Marquee.Identity.IEmailOwnerGrain")]
public interface IEmailOwnerGrain : IGrainWithStringKey
{
    /// <summary>Claims the email for <paramref name="userId"/> unless a registered account holds it; returns the owner.</summary>
    [Alias("Claim")]
    Task<Guid> ClaimAsync(Guid userId);

    [Alias("GetOwner")]
    Task<Guid?> GetOwnerAsync();
}

/// <summary>A refresh-token family: rotation on every use, reuse detection, revocation. Keyed by session id.</summary>
[Alias("Marquee.Identity.IRefreshSessionGrain")]
public interface IRefreshSessionGrain : IGrainWithGuidKey
{
    [Alias("Start")]
    Task<RefreshGrant> StartAsync(Guid userId);

    /// <summary>
    /// Exchanges the current secret for a new one. Presenting an already-rotated secret revokes the
    /// whole family. Every failure is <see cref="AuthenticationFailedException"/>.
    /// </summary>
    [Alias("Rotate")]
    Task<RotatedSession> RotateAsync(string secret);

    /// <summary>Revokes the family when <paramref name="secret"/> is its current or a past secret.</summary>
    [Alias("Revoke")]
    Task RevokeAsync(string secret);
}

/// <summary>Per-email sign-in throttle, the same for existing and unknown addresses. Keyed by normalized email.</summary>
[Alias("Marquee.Identity.ISignInThrottleGrain")]
public interface ISignInThrottleGrain : IGrainWithStringKey
{
    /// <summary>Counts an attempt; returns how long to wait when the budget is spent, otherwise null.</summary>
    [Alias("TryAcquire")]
    Task<TimeSpan?> TryAcquireAsync();
}

/// <summary>Maps an external login (provider + subject) to an account, linking or creating one.</summary>
[Alias("Marquee.Identity.IExternalLoginGrain")]
public interface IExternalLoginGrain : IGrainWithStringKey
{
    [Alias("SignIn")]
    Task<UserProfile> SignInAsync(ExternalIdentity identity);
}

/// <summary>Queries over the users read model in PostgreSQL.</summary>
[Alias("Marquee.Identity.IUserDirectoryGrain")]
public interface IUserDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<Page<UserProfile>> ListAsync(UserQuery query);
}

/// <summary>Sign-in by email: finds the account and checks the password, answering alike for unknown emails.</summary>
[Alias("Marquee.Identity.ICredentialCheckGrain")]
public interface ICredentialCheckGrain : IGrainWithIntegerKey
{
    [Alias("SignIn")]
    Task<UserProfile> SignInAsync(string email, string password);

    /// <summary>Starts a password reset when the account exists; silent otherwise.</summary>
    [Alias("RequestPasswordReset")]
    Task RequestPasswordResetAsync(string email);
}
