using Marquee.ServiceDefaults;
using Marquee.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
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

await app.MigrateSchemaAsync();
await app.RunAsync();
return 0;
