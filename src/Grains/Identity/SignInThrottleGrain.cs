using Microsoft.Extensions.Options;

namespace Marquee.Identity;

/// <summary>
/// A sliding budget of sign-in attempts per email, kept in memory: losing it on deactivation only
/// resets a throttle, while persisting it would put a database write on every attempt.
/// </summary>
public sealed class SignInThrottleGrain(IOptions<IdentityOptions> options, TimeProvider clock) : Grain, ISignInThrottleGrain
{
    private readonly Queue<DateTimeOffset> _attempts = new();

    public Task<TimeSpan?> TryAcquireAsync()
    {
        var now = clock.GetUtcNow();
        var window = options.Value.SignInWindow;
        while (_attempts.TryPeek(out var oldest) && oldest <= now - window)
        {
            _attempts.Dequeue();
        }
        if (_attempts.Count >= options.Value.SignInAttemptsPerWindow)
        {
            return Task.FromResult<TimeSpan?>(_attempts.Peek() + window - now);
        }
        _attempts.Enqueue(now);
        return Task.FromResult<TimeSpan?>(null);
    }
}
