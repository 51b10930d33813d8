using Marquee.Api.Apis;
using Marquee.Api.Auth;
using Marquee.Api.Hosting;
using Marquee.Api.Infrastructure;
using Marquee.ServiceDefaults;
using Microsoft.AspNetCore.HttpOverrides;
using Orleans.Dashboard;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// Service defaults: JSON logs with trace ids, OpenTelemetry, health checks.
builder.AddServiceDefaults();

var connectionString = builder.Configuration.GetConnectionString("Marquee")
    ?? throw new InvalidOperationException("ConnectionStrings:Marquee is required (env ConnectionStrings__Marquee).");
var dataDirectory = builder.Configuration["MARQUEE_DATA_DIR"] ?? Path.Combine(builder.Environment.ContentRootPath, ".data");
builder.Services.AddOptions<EdgeOptions>().BindConfiguration(EdgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
var edge = builder.Configuration.GetSection(EdgeOptions.Section).Get<EdgeOptions>() ?? new EdgeOptions();
var dashboard = builder.Configuration.GetSection(OperatorDashboardOptions.Section).Get<OperatorDashboardOptions>() ?? new OperatorDashboardOptions();

// The Orleans cluster client, found through PostgreSQL membership.
builder.AddMarqueeOrleansClient(connectionString);

// Application services: authentication and authorization.
builder.AddMarqueeAuthentication(dataDirectory);
builder.Services.AddAuthentication().AddOperatorBasic(dashboard);
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(DashboardAuthentication.Policy, policy => policy.AddAuthenticationSchemes(DashboardAuthentication.Scheme).RequireRole(Policies.Roles.Admin));

// Identity: token issuing and Google ID token validation.
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<TokenIssuer>();
builder.Services.AddOptions<GoogleOptions>().BindConfiguration(GoogleOptions.Section);
builder.Services.AddHttpClient(nameof(GoogleIdTokenValidator), client => client.Timeout = TimeSpan.FromSeconds(10));
builder.Services.AddSingleton<GoogleIdTokenValidator>();

// Live seat maps: serialized once per version, changes fanned out per instance.
builder.Services.AddMemoryCache();
builder.Services.AddSingleton<Marquee.Api.Live.SeatMapCache>();
builder.Services.AddSingleton<Marquee.Api.Live.SeatMapBroadcaster>();

// The edge: problem details, validation, limits, CORS, forwarded headers, OpenAPI.
builder.Services.AddMarqueeProblemDetails();
builder.Services.AddValidation();
builder.Services.ConfigureHttpJsonOptions(json =>
{
    json.SerializerOptions.AllowTrailingCommas = false;
    // Numbers are JSON numbers: "12" for a count is refused, and the document says integer, not integer-or-string.
    json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
});
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = edge.MaxRequestBodyBytes;
});
builder.Services.AddMarqueeRateLimiting(edge);
builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
    policy.WithOrigins(edge.CorsOrigins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("ETag", "Location", "Retry-After", CorrelationIdMiddleware.HeaderName)));
builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
{
    forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    forwarded.KnownProxies.Clear();
    forwarded.KnownIPNetworks.Clear();
    foreach (var proxy in edge.TrustedProxies)
    {
        if (System.Net.IPNetwork.TryParse(proxy, out var network)) forwarded.KnownIPNetworks.Add(network);
        else if (System.Net.IPAddress.TryParse(proxy, out var address)) forwarded.KnownProxies.Add(address);
    }
});
builder.Services.AddMarqueeOpenApi();

// The web app: the built Angular app at Web:Root, served at / with deep links falling back to it.
builder.Services.AddMarqueeWebApp();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseMarqueeSecurityHeaders();
app.UseMiddleware<CorrelationIdMiddleware>();
app.UseExceptionHandler();
app.UseProblemStatusCodes();
app.UseMiddleware<RequestSizeLimitMiddleware>();
app.UseMarqueeWebApp();
app.UseCors();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/scalar", scalar => scalar.WithTitle("Marquee API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
if (dashboard.Enabled)
{
    var dashboardRoutes = app.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(DashboardAuthentication.Policy).ExcludeFromDescription();
    if (dashboard.Port is { } port)
    {
        dashboardRoutes.RequireHost($"*:{port}");
    }
}

var api = app.MapGroup("/api/v1");
api.MapAuthApi();
api.MapUsersApi();
api.MapCatalogApi();
api.MapPackagesApi();
api.MapLibraryApi();
api.MapCinemasApi();
api.MapShowtimesApi();
api.MapConcessionsApi();
api.MapOrdersApi();
api.MapOperationsApi();

app.Run();
