using System.Globalization;
using Marquee.Bench;

// Usage: Marquee.Bench keygen PEM   (the signing key the benchmark's API is started with)
//        Marquee.Bench faults --api URL --db CONNECTION --key PEM --work DIR --duration SECONDS   (driven by bench/faults.sh)
//        Marquee.Bench --api URL --db CONNECTION --key PEM --baseline URL --silo-pid PID [--pids name=PID,…] [--quick] [--viewers N] [scenario ...]
if (args is ["keygen", var pemPath])
{
    using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
    await File.WriteAllTextAsync(pemPath, key.ExportPkcs8PrivateKeyPem());
    return 0;
}

if (args is ["faults", .. var faultArgs])
{
    return await Marquee.Bench.Faults.FaultsCommand.RunAsync(faultArgs);
}

string? apiUrl = null, connection = null, keyPath = null, baselineUrl = null, processes = null;
var siloPid = 0;
var viewers = 10_000;
var quick = false;
var scenarios = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--api": apiUrl = args[++i]; break;
        case "--db": connection = args[++i]; break;
        case "--key": keyPath = args[++i]; break;
        case "--baseline": baselineUrl = args[++i]; break;
        case "--silo-pid": siloPid = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--pids": processes = args[++i]; break;
        case "--quick": quick = true; break;
        case "--viewers": viewers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default: scenarios.Add(args[i]); break;
    }
}
if (apiUrl is null || connection is null || keyPath is null || baselineUrl is null)
{
    Console.Error.WriteLine("Usage: Marquee.Bench --api URL --db CONNECTION --key PEM --baseline URL --silo-pid PID [--pids name=PID,…] [--quick] [--viewers N] [scenario ...]");
    return 2;
}

string[] all = ["hot-holds", "seat-map", "release-night", "fan-out", "sell-out", "checkout", "catalog", "memory"];
// The warm-up is long enough for tiered compilation to settle on two shared cores (3 s left the
// JIT still recompiling hot paths and cost a third of the measured rate).
var shape = new LoadShape(Workers: 16, Warmup: TimeSpan.FromSeconds(quick ? 10 : 20), Duration: TimeSpan.FromSeconds(quick ? 15 : 60));
var api = new ApiSession(new Uri(apiUrl));
var tokens = new TokenMinter(keyPath);
// The product's own pool settings, for the catalog scenario's SQL baseline.
await using var database = Marquee.GrainServices.CreateDataSource(connection);
var manager = api.NewClient(tokens.Mint("manager"));
var venue = await Venue.CreateAsync(manager);
var conventional = new Conventional(api, tokens, new Uri(baselineUrl));
var seats = new SeatScenarios(api, tokens, conventional, shape, CpuMeter.Parse(processes));
var checkout = new CheckoutScenarios(api, tokens, shape);

foreach (var scenario in scenarios.Count > 0 ? scenarios : [.. all])
{
    var line = scenario switch
    {
        "hot-holds" => await seats.HotHoldsAsync(venue),
        "seat-map" => await seats.SeatMapAsync(venue),
        "release-night" => await new ReleaseNightScenario(api, tokens, conventional, shape).RunAsync(venue, manager),
        "fan-out" => await new FanOutScenario(api, tokens).RunAsync(venue, viewers, changesPerSecond: 20, shape.Duration),
        "sell-out" => await seats.SellOutAsync(venue, contenders: 2000),
        "checkout" => await checkout.CheckoutAsync(venue, manager),
        "catalog" => await new CatalogScenario(api, database, tokens.Mint("manager")).RunAsync(shape),
        "memory" => await checkout.MemoryAsync(venue, siloPid),
        _ => throw new ArgumentException($"Unknown scenario '{scenario}'; known: {string.Join(", ", all)}."),
    };
    Console.WriteLine(line);
}
return 0;
