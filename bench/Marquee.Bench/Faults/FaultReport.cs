using System.Globalization;

namespace Marquee.Bench.Faults;

/// <summary>A fault the script injected: from its start to its end (the same instant for a SIGKILL).</summary>
public sealed record InjectedFault(string Name, long StartMs, long EndMs)
{
    /// <summary>Recovery counts from the end of an outage (the database back), and from the start of anything else.</summary>
    public long RecoveryClockMs => Name == "db-outage" ? EndMs : StartMs;

    public static IReadOnlyList<InjectedFault> Read(string path) =>
        File.ReadAllLines(path).Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(parts => new InjectedFault(parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture)))
            .ToList();
}

/// <summary>Error rates per second around each fault: how long until the load ran clean again.</summary>
public static class FaultReport
{
    /// <summary>Clean means five consecutive seconds with requests and under 1 % errors.</summary>
    private const int CleanSeconds = 5;
    private const double CleanErrorRate = 0.01;

    public static double? RecoverySeconds(IReadOnlyCollection<Attempt> attempts, InjectedFault fault)
    {
        var buckets = attempts.Where(attempt => attempt.StartedAtMs >= fault.RecoveryClockMs)
            .GroupBy(attempt => (attempt.StartedAtMs - fault.RecoveryClockMs) / 1000)
            .ToDictionary(group => group.Key, group => (Total: group.Count(), Errors: group.Count(attempt => attempt.IsError)));
        if (buckets.Count == 0) return null;
        var last = buckets.Keys.Max();
        for (var second = 0L; second + CleanSeconds - 1 <= last; second++)
        {
            var window = Enumerable.Range(0, CleanSeconds).Select(offset => buckets.GetValueOrDefault(second + offset)).ToList();
            if (window.All(bucket => bucket.Total > 0 && (double)bucket.Errors / bucket.Total < CleanErrorRate)) return second;
        }
        return null;
    }

    /// <summary>Calls made while the database was away (a second in from each edge): how many, how many 503s, and how fast they failed.</summary>
    public static string Outage(IReadOnlyCollection<Attempt> attempts, InjectedFault outage)
    {
        var during = attempts.Where(attempt => attempt.StartedAtMs >= outage.StartMs + 1000 && attempt.StartedAtMs <= outage.EndMs - 1000).ToList();
        if (during.Count == 0) return "    db-outage: no calls were made while the database was away";
        var latencies = during.Select(attempt => attempt.Milliseconds).Order().ToArray();
        var p99 = latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(0.99 * latencies.Length) - 1)];
        var unavailable = during.Count(attempt => attempt.Status == 503);
        var unanswered = during.Count(attempt => attempt.Status == -1);
        return string.Create(CultureInfo.InvariantCulture,
            $"    db-outage: {during.Count} calls while the database was away ({Statuses(during)}), {unavailable} answered 503, {unanswered} unanswered, p99 {p99:F0} ms, max {latencies[^1]:F0} ms");
    }

    /// <summary>"hold 201×310 409×12 503×40; order …": what each kind of call was answered, -1 for no answer.</summary>
    public static string Statuses(IEnumerable<Attempt> attempts) =>
        string.Join("; ", attempts.GroupBy(attempt => attempt.Call).OrderBy(group => group.Key, StringComparer.Ordinal).Select(call =>
            call.Key + " " + string.Join(' ', call.GroupBy(attempt => attempt.Status).OrderBy(group => group.Key)
                .Select(group => string.Create(CultureInfo.InvariantCulture, $"{group.Key}×{group.Count()}")))));
}
