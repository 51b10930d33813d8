using Marquee.Common;
using Orleans.Placement;
using Orleans.Runtime;

using Marquee.Operations.State;

namespace Marquee.Operations;

/// <remarks>
/// Placed at random rather than by load, so that touching a few dozen canaries reaches every silo:
/// that spread is the point of a probe.
/// </remarks>
[RandomPlacement]
public sealed class CanaryGrain(
    [PersistentState("canary", StorageNames.Operations)] IPersistentState<CanaryState> state,
    ILocalSiloDetails silo,
    TimeProvider clock) : Grain, ICanaryGrain
{
    public async Task<CanaryReport> TouchAsync(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        state.State.Touches += count;
        state.State.LastTouchedAt = clock.GetUtcNow();
        await state.WriteOrDeactivateAsync(this);
        return Report();
    }

    public Task<CanaryReport> ReadAsync() => Task.FromResult(Report());

    private CanaryReport Report() =>
        new(this.GetPrimaryKeyString(), state.State.Touches, state.State.LastTouchedAt, silo.SiloAddress.ToString());
}
