using Marquee.ServiceDefaults;
using Marquee.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
var seedOnly = args.Contains("seed");
if (seedOnly)
{
    // The `seed` verb: join the cluster on spare ports, load the demo data, leave.
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Seed:Demo"] = "true",
        ["Silo:SiloPort"] = SparePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Silo:GatewayPort"] = SparePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Urls"] = "http://127.0.0.1:0",
    });
}
builder.AddServiceDefaults();
builder.AddMarqueeSilo();

var app = builder.Build();
app.MapDefaultEndpoints();

if (args.Contains("migrate"))
{
    // The `migrate` verb: apply the schema and exit, for init containers and CI.
    await app.MigrateSchemaAsync();
    return 0;
}

var siloOptions = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiloOptions>>().Value;
try
{
    EndpointGuard.EnsureFree(siloOptions);
}
catch (InvalidOperationException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

await app.MigrateSchemaAsync();
if (seedOnly)
{
    await app.StartAsync();
    await app.StopAsync();
    return 0;
}
await app.RunAsync();
return 0;
