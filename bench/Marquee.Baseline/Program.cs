using System.Security.Claims;
using System.Security.Cryptography;
using Marquee.Baseline;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

// The service a team would build instead of Marquee's cluster, doing the seat jobs the benchmarks
// measure on the same PostgreSQL server: each request is a pooled connection and one statement.
// Reads ConnectionStrings__Baseline, Jwt__SigningKeyPath (the product's PEM) and Urls.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, BaselineJson.Default));

var key = ECDsa.Create();
key.ImportFromPem(File.ReadAllText(builder.Configuration["Jwt:SigningKeyPath"] ?? throw new InvalidOperationException("Jwt:SigningKeyPath is required.")));
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
{
    // What the product's API validates, without its cache of verified tokens: the library's own work only.
    jwt.MapInboundClaims = false;
    jwt.TokenValidationParameters = new TokenValidationParameters
    {
        ValidIssuer = "marquee",
        ValidAudience = "marquee-api",
        IssuerSigningKey = new ECDsaSecurityKey(key),
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        NameClaimType = "sub",
        RoleClaimType = "role",
    };
});
builder.Services.AddAuthorization();
// Its few statements run thousands of times a second: prepared once per connection, then only bound.
var connection = new NpgsqlConnectionStringBuilder(builder.Configuration.GetConnectionString("Baseline")) { MaxAutoPrepare = 8, AutoPrepareMinUsages = 2 };
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connection));
builder.Services.AddSingleton<SeatStore>();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
await app.Services.GetRequiredService<SeatStore>().CreateSchemaAsync();

var showtimes = app.MapGroup("/api/v1/showtimes/{showtimeId:guid}");
showtimes.MapGet("/seats", async (Guid showtimeId, SeatStore seats) =>
    await seats.MapAsync(showtimeId) is { } map ? Results.Ok(map) : Results.NotFound());
showtimes.MapPost("/holds", async (Guid showtimeId, HoldRequest request, ClaimsPrincipal user, SeatStore seats) =>
{
    if (request.Seats is not { Count: > 0 and <= SeatStore.MaxSeatsPerUser } labels)
    {
        return Results.BadRequest();
    }
    var hold = await seats.HoldAsync(showtimeId, UserId(user), labels);
    return hold is null ? Results.Conflict() : Results.Created($"/api/v1/showtimes/{showtimeId}/holds/{hold.HoldId}", hold);
}).RequireAuthorization();
showtimes.MapDelete("/holds/{holdId:guid}", async (Guid showtimeId, Guid holdId, ClaimsPrincipal user, SeatStore seats) =>
    await seats.ReleaseAsync(showtimeId, UserId(user), holdId) ? Results.NoContent() : Results.NotFound()).RequireAuthorization();
// The benchmark lays out its showtimes here; the product's equivalent is the manager's API.
app.MapPut("/bench/showtimes/{showtimeId:guid}", async (Guid showtimeId, LayoutRequest layout, SeatStore seats) =>
{
    await seats.LayOutAsync(showtimeId, layout.Rows, layout.SeatsPerRow);
    return Results.NoContent();
});
app.MapGet("/health", () => Results.Ok());
app.Run();

static Guid UserId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue("sub")!);
