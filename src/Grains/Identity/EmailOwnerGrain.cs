using Marquee.Common;
using Marquee.Identity.State;
using Orleans.Runtime;

namespace Marquee.Identity;

public sealed class EmailOwnerGrain(
    [PersistentState("email", StorageNames.Identity)] IPersistentState<EmailOwnerState> state) : Grain, IEmailOwnerGrain
{
    public async Task<Guid> ClaimAsync(Guid userId)
    {
        if (state.State.Owner is { } owner && owner != userId)
        {
            // A claimant that crashed before registering leaves a claim behind; asking it (its turn
            // finishes any registration in progress first) tells a live owner from an abandoned one.
            if (await GrainFactory.GetGrain<IUserGrain>(owner).IsRegisteredAsync())
            {
                return owner;
            }
        }
        if (state.State.Owner != userId)
        {
            state.State.Owner = userId;
            await state.WriteOrDeactivateAsync(this);
        }
        return userId;
    }

    public Task<Guid?> GetOwnerAsync() => Task.FromResult(state.State.Owner);
}
