using System.Collections.Concurrent;
using System.Diagnostics;

namespace Marquee.Bench.Faults;

/// <summary>One HTTP call of the fault load: when it started, how long it took, what it answered (-1: no answer).</summary>
public readonly record struct Attempt(string Call, long StartedAtMs, double Milliseconds, int Status)
{
    /// <summary>An error is what a client cannot act on: no answer or a 5xx. 4xx answers are the product working.</summary>
    public bool IsError => Status is -1 or >= 500;
}

/// <summary>A hold the load was answered 201 for, and what became of it as far as the client knows.</summary>
public sealed class HoldRecord(Guid showtimeId, Guid holdId, IReadOnlyList<string> seats)
{
    public Guid ShowtimeId { get; } = showtimeId;
    public Guid HoldId { get; } = holdId;
    public IReadOnlyList<string> Seats { get; } = seats;

    /// <summary>Held: the hold must still be there. Released/Ordered: answered 2xx. Uncertain: a later call got no answer.</summary>
    public HoldFate Fate { get; set; } = HoldFate.Held;
}

public enum HoldFate { Held, Released, Ordered, Uncertain }

/// <summary>Everything the load saw, kept in memory for the audit.</summary>
public sealed class FaultJournal
{
    private readonly ConcurrentQueue<Attempt> _attempts = new();

    public ConcurrentBag<HoldRecord> Holds { get; } = [];

    /// <summary>Orders answered 201, with the customer that owns each.</summary>
    public ConcurrentDictionary<Guid, Guid> Orders { get; } = new();

    /// <summary>Every customer the load signed in as: a new one per purchase, as at a box office.</summary>
    public ConcurrentBag<Guid> Customers { get; } = [];

    public IReadOnlyCollection<Attempt> Attempts => _attempts;

    public async Task<HttpResponseMessage?> SendAsync(string name, Func<Task<HttpResponseMessage>> call)
    {
        var startedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var clock = Stopwatch.GetTimestamp();
        try
        {
            var response = await call();
            _attempts.Enqueue(new Attempt(name, startedAt, Stopwatch.GetElapsedTime(clock).TotalMilliseconds, (int)response.StatusCode));
            return response;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            _attempts.Enqueue(new Attempt(name, startedAt, Stopwatch.GetElapsedTime(clock).TotalMilliseconds, -1));
            return null;
        }
    }
}
