namespace Marquee.Testing;

/// <summary>
/// A clock a test moves forward: now is real time plus what the test added. Timers and timestamps stay
/// real, so a silo using it keeps its own machinery (Orleans' timers, membership) running while the
/// domain's deadlines (hold expiry, the close of sales) can be reached without waiting them out.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
