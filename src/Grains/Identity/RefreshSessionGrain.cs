using Marquee.Common;
using Marquee.Identity.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Marquee.Identity;

public sealed partial class RefreshSessionGrain(
    [PersistentState("refresh", StorageNames.Identity)] IPersistentState<RefreshSessionState> state,
    IOptions<IdentityOptions> options,
    TimeProvider clock,
    ILogger<RefreshSessionGrain> logger) : Grain, IRefreshSessionGrain
{
    private RefreshSessionState Session => state.State;

    public async Task<RefreshGrant> StartAsync(Guid userId)
    {
        if (Session.UserId != Guid.Empty)
        {
            throw new ConflictException("This session already exists.");
        }
        Session.UserId = userId;
        Session.SecurityStamp = await GrainFactory.GetGrain<IUserGrain>(userId).GetSecurityStampAsync();
        Session.ExpiresAt = clock.GetUtcNow() + options.Value.RefreshSessionLifetime;
        return await IssueAsync();
    }

    public async Task<RotatedSession> RotateAsync(string secret)
    {
        if (Session.UserId == Guid.Empty || Session.Revoked)
        {
            throw Invalid();
        }
        var hash = Secrets.Hash(secret);
        if (Session.UsedSecretHashes.Contains(hash))
        {
            // A rotated token came back: someone holds a copy. Kill the family, the thief's and the owner's.
            Session.Revoked = true;
            await state.WriteOrDeactivateAsync(this);
            LogReuse(this.GetPrimaryKey(), Session.UserId);
            throw Invalid();
        }
        if (!Secrets.Matches(secret, Session.CurrentSecretHash) || Session.ExpiresAt <= clock.GetUtcNow())
        {
            throw Invalid();
        }

        var user = GrainFactory.GetGrain<IUserGrain>(Session.UserId);
        if (await user.GetSecurityStampAsync() != Session.SecurityStamp)
        {
            Session.Revoked = true;
            await state.WriteOrDeactivateAsync(this);
            throw Invalid();
        }

        Session.UsedSecretHashes.Add(hash);
        var next = await IssueAsync();
        return new RotatedSession(await user.GetProfileAsync(), next);
    }

    public async Task RevokeAsync(string secret)
    {
        var hash = Secrets.Hash(secret);
        if (Session.Revoked || (!Secrets.Matches(secret, Session.CurrentSecretHash) && !Session.UsedSecretHashes.Contains(hash)))
        {
            return;
        }
        Session.Revoked = true;
        await state.WriteOrDeactivateAsync(this);
    }

    private async Task<RefreshGrant> IssueAsync()
    {
        var secret = Secrets.New();
        Session.CurrentSecretHash = Secrets.Hash(secret);
        await state.WriteOrDeactivateAsync(this);
        return new RefreshGrant(this.GetPrimaryKey(), secret, Session.ExpiresAt);
    }

    private static AuthenticationFailedException Invalid() => new("The refresh token is invalid, expired or revoked.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh token reuse on session {SessionId} of user {UserId}; session revoked")]
    private partial void LogReuse(Guid sessionId, Guid userId);
}
