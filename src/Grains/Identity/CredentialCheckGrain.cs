using Marquee.Common;
using Orleans.Concurrency;

namespace Marquee.Identity;

/// <summary>
/// Resolves an email to its account for sign-in and recovery. Stateless, so it runs on the caller's
/// silo, and it spends a full hash on unknown emails so they answer like wrong passwords.
/// </summary>
[StatelessWorker]
public sealed class CredentialCheckGrain(PasswordHashing hashing) : Grain, ICredentialCheckGrain
{
    /// <summary>The whole sign-in: the per-email budget first (known or not), then the credentials.</summary>
    public async Task<UserProfile> SignInAsync(string email, string password)
    {
        var normalized = EmailAddress.Normalize(email);
        if (await GrainFactory.GetGrain<ISignInThrottleGrain>(normalized).TryAcquireAsync() is { } wait)
        {
            throw new SignInThrottledException(wait);
        }
        var owner = await GrainFactory.GetGrain<IEmailOwnerGrain>(normalized).GetOwnerAsync();
        if (owner is null)
        {
            hashing.VerifyDecoy(password);
            throw new AuthenticationFailedException("Invalid email or password.");
        }
        return await GrainFactory.GetGrain<IUserGrain>(owner.Value).SignInAsync(password);
    }

    public async Task RequestPasswordResetAsync(string email)
    {
        var owner = await GrainFactory.GetGrain<IEmailOwnerGrain>(EmailAddress.Normalize(email)).GetOwnerAsync();
        if (owner is not null)
        {
            await GrainFactory.GetGrain<IUserGrain>(owner.Value).RequestPasswordResetAsync();
        }
    }
}
