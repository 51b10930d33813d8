using Marquee.Common;
using Marquee.Identity.State;
using Marquee.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Marquee.Identity;

public sealed partial class UserGrain(
    [PersistentState("user", StorageNames.Identity)] IPersistentState<UserState> state,
    PasswordHashing hashing,
    UserReadModel readModel,
    IMailer mailer,
    IOptions<IdentityOptions> options,
    TimeProvider clock,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    private UserState User => state.State;

    private Guid Id => this.GetPrimaryKey();

    public async Task<UserProfile> RegisterAsync(NewAccount account)
    {
        if (User.Registered)
        {
            throw new ConflictException("This account already exists.");
        }
        if (account.Password is not null)
        {
            PasswordPolicy.Check(account.Password);
        }

        // The email owner serializes every claim on this address: of concurrent registrations exactly one
        // id becomes the owner. Losers write nothing.
        var owner = await GrainFactory.GetGrain<IEmailOwnerGrain>(EmailAddress.Normalize(account.Email)).ClaimAsync(Id);
        if (owner != Id)
        {
            throw new ConflictException("An account with this email already exists.");
        }

        var now = clock.GetUtcNow();
        User.Registered = true;
        User.Email = account.Email.Trim();
        User.DisplayName = account.DisplayName.Trim();
        User.PasswordHash = account.Password is null ? null : hashing.Hash(account.Password);
        User.Roles = NormalizeRoles(account.Roles);
        User.CreatedAt = now;
        User.SecurityStamp = Guid.NewGuid();
        return await SaveAsync(now);
    }

    public Task<bool> IsRegisteredAsync() => Task.FromResult(User.Registered);

    public async Task<UserProfile> SignInAsync(string password)
    {
        var now = clock.GetUtcNow();
        if (!User.Registered || User.PasswordHash is null)
        {
            hashing.VerifyDecoy(password);
            throw SignInFailed();
        }
        if (User.LockedUntil > now)
        {
            // Locked accounts answer exactly like a wrong password, and cost the same time.
            hashing.VerifyDecoy(password);
            throw SignInFailed();
        }

        var verdict = hashing.Verify(User.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            User.FailedSignIns++;
            if (User.FailedSignIns >= options.Value.LockoutThreshold)
            {
                User.LockedUntil = now + options.Value.LockoutDuration;
                User.FailedSignIns = 0;
                LogLockedOut(Id, User.LockedUntil.Value);
            }
            await state.WriteOrDeactivateAsync(this);
            throw SignInFailed();
        }

        var changed = User.FailedSignIns != 0 || User.LockedUntil is not null;
        User.FailedSignIns = 0;
        User.LockedUntil = null;
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            User.PasswordHash = hashing.Hash(password);
            changed = true;
        }
        if (changed)
        {
            await state.WriteOrDeactivateAsync(this);
        }
        return Profile();
    }

    public Task<UserProfile> GetProfileAsync() => Task.FromResult(RequireRegistered().Profile());

    // Another user's id answers exactly like an unknown one: no probing for which ids exist.
    public Task<UserProfile> GetProfileForAsync(Viewer viewer) =>
        viewer.IsSelfOrAdmin(Id) ? GetProfileAsync() : throw new NotFoundException("No such user.");

    public async Task<UserProfile> UpdateProfileAsync(string displayName)
    {
        RequireRegistered();
        User.DisplayName = displayName.Trim();
        return await SaveAsync(clock.GetUtcNow());
    }

    public async Task ChangePasswordAsync(string currentPassword, string newPassword)
    {
        RequireRegistered();
        if (User.PasswordHash is null || hashing.Verify(User.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
        {
            throw new InvalidInputException("currentPassword", "The current password is not correct.");
        }
        PasswordPolicy.Check(newPassword, "newPassword");
        SetPassword(newPassword);
        await SaveAsync(clock.GetUtcNow());
    }

    public async Task<UserProfile> SetRolesAsync(IReadOnlyList<string> roles)
    {
        RequireRegistered();
        User.Roles = NormalizeRoles(roles);
        return await SaveAsync(clock.GetUtcNow());
    }

    public async Task RequestPasswordResetAsync()
    {
        if (!User.Registered)
        {
            return;
        }
        var secret = Secrets.New();
        var lifetime = options.Value.PasswordResetLifetime;
        User.ResetSecretHash = Secrets.Hash(secret);
        User.ResetExpiresAt = clock.GetUtcNow() + lifetime;
        await state.WriteOrDeactivateAsync(this);

        var link = $"{options.Value.PasswordResetUrl}?token={Uri.EscapeDataString(OpaqueToken.Format(Id, secret))}";
        try
        {
            await mailer.SendAsync(IdentityMail.PasswordReset(User.Email, User.DisplayName, link, lifetime));
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException)
        {
            // "forgot" answers 202 whatever happens; the user can ask again.
            LogMailFailed(ex, Id);
        }
    }

    public async Task ResetPasswordAsync(string secret, string newPassword)
    {
        if (!User.Registered || User.ResetExpiresAt is not { } expiresAt || expiresAt <= clock.GetUtcNow()
            || !Secrets.Matches(secret, User.ResetSecretHash))
        {
            throw new InvalidInputException("token", "This reset link is invalid or has expired.");
        }
        PasswordPolicy.Check(newPassword, "newPassword");
        SetPassword(newPassword);
        User.FailedSignIns = 0;
        User.LockedUntil = null;
        await SaveAsync(clock.GetUtcNow());
    }

    public async Task<UserProfile> LinkExternalAsync(string provider, string subject)
    {
        RequireRegistered();
        if (User.ExternalLogins.TryGetValue(provider, out var linked) && linked == subject)
        {
            return Profile();
        }
        User.ExternalLogins[provider] = subject;
        return await SaveAsync(clock.GetUtcNow());
    }

    public Task<Guid> GetSecurityStampAsync() => Task.FromResult(User.Registered ? User.SecurityStamp : Guid.Empty);

    private void SetPassword(string password)
    {
        User.PasswordHash = hashing.Hash(password);
        // A new stamp kills every refresh session, and the reset token is single-use.
        User.SecurityStamp = Guid.NewGuid();
        User.ResetSecretHash = null;
        User.ResetExpiresAt = null;
    }

    private async Task<UserProfile> SaveAsync(DateTimeOffset now)
    {
        User.UpdatedAt = now;
        await state.WriteOrDeactivateAsync(this);
        var profile = Profile();
        await readModel.UpsertAsync(profile, now);
        return profile;
    }

    private UserGrain RequireRegistered() =>
        User.Registered ? this : throw new NotFoundException("No such user.");

    private UserProfile Profile() => new(Id, User.Email, User.DisplayName, User.Roles, User.CreatedAt);

    private static List<string> NormalizeRoles(IReadOnlyList<string> roles)
    {
        var unknown = roles.Where(role => !Roles.All.Contains(role)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidInputException("roles", $"Unknown role(s): {string.Join(", ", unknown)}.");
        }
        return roles.Append(Roles.Customer).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static AuthenticationFailedException SignInFailed() => new("Invalid email or password.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {UserId} locked until {LockedUntil} after repeated failed sign-ins")]
    private partial void LogLockedOut(Guid userId, DateTimeOffset lockedUntil);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not send the password reset mail of account {UserId}")]
    private partial void LogMailFailed(Exception exception, Guid userId);
}
