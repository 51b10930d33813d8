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

    /// <summary>
    /// Several systems doing the same job, each warmed up, then measured in turns (A, B, B, A, …) so
    /// that a noisy moment on the shared cores falls on all of them; each result sums its turns.
    /// </summary>
    public static Task<LoadResult[]> AlternateAsync(LoadShape shape, int rounds, params Func<int, Task>[] operations) =>
        AlternateAsync(shape, rounds, afterWarmup: () => { }, operations);

    /// <param name="afterWarmup">Called once every system warmed up, before the first measured turn.</param>
    public static async Task<LoadResult[]> AlternateAsync(LoadShape shape, int rounds, Action afterWarmup, params Func<int, Task>[] operations)
    {
        foreach (var operation in operations)
        {
            await RunAsync(shape.Workers, shape.Warmup, operation);
        }
        afterWarmup();
        var turns = operations.Select(_ => new List<Samples>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            // Each round starts with the next system, so none always follows the same one (and its leftovers).
            for (var turn = 0; turn < operations.Length; turn++)
            {
                var i = (round + turn) % operations.Length;
                turns[i].Add(await SampleAsync(shape.Workers, shape.Duration / rounds, operations[i]));
            }
        }
        return turns.Select(samples => new Samples(
            samples.SelectMany(turn => turn.Latencies).ToArray(),
            samples.Sum(turn => turn.Errors),
            TimeSpan.FromTicks(samples.Sum(turn => turn.Elapsed.Ticks))).Result()).ToArray();
    }

    public static async Task<LoadResult> RunAsync(int workers, TimeSpan duration, Func<int, Task> operation) =>
        (await SampleAsync(workers, duration, operation)).Result();

    private static async Task<Samples> SampleAsync(int workers, TimeSpan duration, Func<int, Task> operation)
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
        return new Samples(latencies.SelectMany(list => list).ToArray(), errors.Sum(), Stopwatch.GetElapsedTime(started));
    }

    private sealed record Samples(double[] Latencies, int Errors, TimeSpan Elapsed)
    {
        public LoadResult Result()
        {
            var sorted = Latencies.Order().ToArray();
            return new LoadResult(sorted.Length, Errors, Elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
        }
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}

public sealed record LoadResult(int Completed, int Errors, TimeSpan Elapsed, double P50Milliseconds, double P99Milliseconds)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;
}
