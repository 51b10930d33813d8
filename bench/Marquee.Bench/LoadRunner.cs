using System.Diagnostics;

namespace Marquee.Bench;

/// <summary>How hard and how long: the workers, the unmeasured warm-up (the JIT's tiering settles in it) and the measured time.</summary>
public sealed record LoadShape(int Workers, TimeSpan Warmup, TimeSpan Duration);

/// <summary>Closed-loop load: N workers call an operation back to back for a fixed time; every latency is kept.</summary>
public static class LoadRunner
{
    /// <summary>Runs the warm-up, discards it, then measures.</summary>
    public static async Task<LoadResult> MeasureAsync(LoadShape shape, Func<int, Task> operation)
    {
        await RunAsync(shape.Workers, shape.Warmup, operation);
        return await RunAsync(shape.Workers, shape.Duration, operation);
    }

    public static async Task<LoadResult> RunAsync(int workers, TimeSpan duration, Func<int, Task> operation)
    {
        var latencies = new List<double>[workers];
        var errors = new int[workers];
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(capacity: 1 << 14);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    await operation(worker);
                    mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                }
                catch (Exception)
                {
                    errors[worker]++;
                }
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var all = latencies.SelectMany(list => list).Order().ToArray();
        return new LoadResult(all.Length, errors.Sum(), elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}

public sealed record LoadResult(int Completed, int Errors, TimeSpan Elapsed, double P50Milliseconds, double P99Milliseconds)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;
}
