using Marquee.Bench;

// Usage: Marquee.Bench --api URL --db CONNECTION --manager EMAIL:PASSWORD [--quick] [scenario ...]
string? apiUrl = null, connection = null, managerLogin = null;
var quick = false;
var scenarios = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--api": apiUrl = args[++i]; break;
        case "--db": connection = args[++i]; break;
        case "--manager": managerLogin = args[++i]; break;
        case "--quick": quick = true; break;
        default: scenarios.Add(args[i]); break;
    }
}
if (apiUrl is null || connection is null || managerLogin?.Split(':', 2) is not [var managerEmail, var managerPassword])
{
    Console.Error.WriteLine("Usage: Marquee.Bench --api URL --db CONNECTION --manager EMAIL:PASSWORD [--quick] [scenario ...]");
    return 2;
}

var duration = TimeSpan.FromSeconds(quick ? 15 : 60);
const int Workers = 16;
var api = new ApiSession(new Uri(apiUrl));
// The product's own pool settings, so the baseline differs from the product only by the API and the cluster.
await using var database = Marquee.GrainServices.CreateDataSource(connection);
var managerToken = await api.LoginAsync(managerEmail, managerPassword);

foreach (var scenario in scenarios.DefaultIfEmpty("catalog"))
{
    var line = scenario switch
    {
        "catalog" => await new CatalogScenario(api, database, managerToken).RunAsync(duration, Workers),
        _ => throw new ArgumentException($"Unknown scenario '{scenario}'."),
    };
    Console.WriteLine(line);
}
return 0;
