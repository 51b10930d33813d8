namespace Marquee.Common;

/// <summary>
/// The one rule every stateful grain follows: a change counts once storage took it. Grains change
/// their state in memory and then write it; when storage refuses the write, memory is ahead of what is
/// durable, so the activation is dropped before the caller hears of the failure. The caller's retry
/// reaches a fresh activation that starts from storage, and gets the answer the first call would have
/// given; nothing refused is ever served from memory.
/// </summary>
public static class StorageWrites
{
    public static async Task WriteOrDeactivateAsync<T>(this IPersistentState<T> state, IGrainBase grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
