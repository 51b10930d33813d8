using System.Diagnostics;
using System.Globalization;

namespace Marquee.Bench;

/// <summary>
/// The CPU time each process of the topology spends, read from the kernel (/proc) before and after a
/// load, so a benchmark can say where a request's machine time goes: API, silo, PostgreSQL (the
/// postmaster and every backend it forked), the conventional service, and this load generator.
/// </summary>
public sealed class CpuMeter(IReadOnlyDictionary<string, int> processes)
{
    private const string Postgres = "postgres";

    /// <summary>Parses <c>name=pid,name=pid</c>; the <c>postgres</c> entry is the postmaster's pid.</summary>
    public static CpuMeter Parse(string? list)
    {
        var processes = (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('='))
            .ToDictionary(pair => pair[0], pair => int.Parse(pair[1], CultureInfo.InvariantCulture));
        processes["load generator"] = Environment.ProcessId;
        return new CpuMeter(processes);
    }

    /// <summary>Runs the load and answers the CPU milliseconds per completed operation, per process that spent any.</summary>
    public async Task<IReadOnlyList<(string Process, double Milliseconds)>> PerOperationAsync(int workers, TimeSpan duration, Func<int, Task> operation)
    {
        var before = Read();
        var result = await LoadRunner.RunAsync(workers, duration, operation);
        var after = Read();
        return after.Select(entry => (entry.Key, (entry.Value - before.GetValueOrDefault(entry.Key)).TotalMilliseconds / Math.Max(1, result.Completed)))
            .Where(entry => entry.Item2 >= 0.005)
            .OrderByDescending(entry => entry.Item2)
            .ToList();
    }

    /// <summary>"api 0.41 ms, silo 0.30 ms, … = 1.02 ms".</summary>
    public static string Describe(IReadOnlyList<(string Process, double Milliseconds)> split) => string.Create(CultureInfo.InvariantCulture,
        $"{string.Join(", ", split.Select(entry => $"{entry.Process} {entry.Milliseconds:F2} ms"))} = {split.Sum(entry => entry.Milliseconds):F2} ms");

    private Dictionary<string, TimeSpan> Read() => processes.ToDictionary(
        entry => entry.Key,
        entry => entry.Key == Postgres ? ForkedFrom(entry.Value).Append(entry.Value).Aggregate(TimeSpan.Zero, (sum, pid) => sum + CpuOf(pid)) : CpuOf(entry.Value));

    private static TimeSpan CpuOf(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // Gone between listing and reading (a backend that disconnected): its time left with it.
            return TimeSpan.Zero;
        }
    }

    /// <summary>Children of <paramref name="parent"/>: field 4 of /proc/PID/stat, after the parenthesised command name.</summary>
    private static IEnumerable<int> ForkedFrom(int parent)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent) yield return pid;
        }
    }
}
