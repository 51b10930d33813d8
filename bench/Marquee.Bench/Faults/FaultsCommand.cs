using System.Globalization;

namespace Marquee.Bench.Faults;

/// <summary>
/// The load side of bench/faults.sh. Talks to the script through files in the work folder:
/// writes <c>load-started</c> once the venue exists and the load begins, then, after the load, waits for
/// the script's <c>faults.tsv</c> (name, start ms, end ms per fault; a <c># running</c> line names
/// the silos still up) and <c>faults.done</c>, audits, and prints the summary line last.
/// </summary>
public static class FaultsCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? apiUrl = null, connection = null, keyPath = null, work = null;
        var duration = TimeSpan.FromSeconds(150);
        var workers = 12;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--api": apiUrl = args[++i]; break;
                case "--db": connection = args[++i]; break;
                case "--key": keyPath = args[++i]; break;
                case "--work": work = args[++i]; break;
                case "--duration": duration = TimeSpan.FromSeconds(int.Parse(args[++i], CultureInfo.InvariantCulture)); break;
                case "--workers": workers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }
        if (apiUrl is null || connection is null || keyPath is null || work is null)
        {
            Console.Error.WriteLine("Usage: Marquee.Bench faults --api URL --db CONNECTION --key PEM --work DIR [--duration SECONDS] [--workers N]");
            return 2;
        }

        var api = new ApiSession(new Uri(apiUrl));
        var tokens = new TokenMinter(keyPath);
        var journal = new FaultJournal();
        var load = new FaultLoad(api, tokens, journal);
        await load.ArrangeAsync(api.NewClient(tokens.Mint("manager")), showtimes: 12);

        await File.WriteAllTextAsync(Path.Combine(work, "load-started"), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Console.WriteLine($"load: {workers} customers at a time over {load.Showtimes.Count} showtimes for {duration.TotalSeconds:F0} s");
        await load.RunAsync(duration, workers);

        var done = Path.Combine(work, "faults.done");
        var patience = DateTime.UtcNow.AddMinutes(10);
        while (!File.Exists(done) && DateTime.UtcNow < patience) await Task.Delay(500);
        if (!File.Exists(done))
        {
            Console.Error.WriteLine("faults.sh never finished its faults");
            return 1;
        }
        var faults = InjectedFault.Read(Path.Combine(work, "faults.tsv"));
        var running = File.ReadAllLines(Path.Combine(work, "faults.tsv"))
            .Where(line => line.StartsWith("# running", StringComparison.Ordinal))
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2)).ToList();

        await using var database = Marquee.GrainServices.CreateDataSource(connection);
        var audit = new FaultAudit(api, tokens, load, journal, database);
        await audit.RunAsync(running);

        var attempts = journal.Attempts;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    {attempts.Count} calls ({FaultReport.Statuses(attempts)}), {attempts.Count(attempt => attempt.IsError)} errors (5xx or no answer); {journal.Holds.Count} holds and {journal.Orders.Count} orders answered 201"));
        var recoveries = new List<double>();
        foreach (var fault in faults)
        {
            var recovery = FaultReport.RecoverySeconds(attempts, fault);
            recoveries.Add(recovery ?? double.PositiveInfinity);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {fault.Name}: {(fault.EndMs - fault.StartMs) / 1000.0:F1} s long, error rate under 1 % again after {(recovery is { } seconds ? $"{seconds:F0} s" : "never")}"));
            if (fault.Name == "db-outage") Console.WriteLine(FaultReport.Outage(attempts, fault));
        }
        foreach (var violation in audit.Violations.Take(20)) Console.WriteLine($"    violation: {violation}");
        foreach (var lost in audit.Lost.Take(20)) Console.WriteLine($"    lost: {lost}");
        var worst = recoveries.Count == 0 ? 0 : recoveries.Max();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"faults: {faults.Count} scenarios, {audit.Violations.Count} invariant violations, {audit.Lost.Count} lost confirmed writes, recovery {(double.IsInfinity(worst) ? "never" : worst.ToString("F0", CultureInfo.InvariantCulture))} s (worst)"));
        return audit.Violations.Count == 0 && audit.Lost.Count == 0 && worst < 60 ? 0 : 1;
    }
}
