using Marquee.Common;
using Marquee.Identity.State;
using Orleans.Runtime;

namespace Marquee.Identity;

/// <summary>Keyed by <c>{provider}:{subject}</c>: the account a verified external identity signs in to.</summary>
public sealed class ExternalLoginGrain(
    [PersistentState("external", StorageNames.Identity)] IPersistentState<ExternalLoginState> state) : Grain, IExternalLoginGrain
{
    public async Task<UserProfile> SignInAsync(ExternalIdentity identity)
    {
        if (state.State.UserId is { } linked)
        {
            return await GrainFactory.GetGrain<IUserGrain>(linked).GetProfileAsync();
        }
        if (!identity.EmailVerified)
        {
            // Linking on an unverified address would hand someone else's account to whoever typed it.
            throw new AuthenticationFailedException("The external account's email is not verified.");
        }

        var owner = await GrainFactory.GetGrain<IEmailOwnerGrain>(EmailAddress.Normalize(identity.Email)).GetOwnerAsync();
        UserProfile profile;
        if (owner is { } existing && await GrainFactory.GetGrain<IUserGrain>(existing).IsRegisteredAsync())
        {
            profile = await GrainFactory.GetGrain<IUserGrain>(existing).LinkExternalAsync(identity.Provider, identity.Subject);
        }
        else
        {
            var user = GrainFactory.GetGrain<IUserGrain>(Guid.NewGuid());
            await user.RegisterAsync(new NewAccount(identity.Email, null, identity.DisplayName, [Roles.Customer]));
            profile = await user.LinkExternalAsync(identity.Provider, identity.Subject);
        }

        state.State.UserId = profile.Id;
        await state.WriteOrDeactivateAsync(this);
        return profile;
    }
}
