using System.Net.Http.Headers;
using Marquee.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marquee.Api.Tests;

// The silo and the API both have a top-level Program; any type of the API assembly names its entry point.
using ApiEntry = Marquee.Api.Hosting.EdgeOptions;

/// <summary>
/// The API's real pipeline (WebApplicationFactory) talking to a real silo over the Orleans gateway,
/// both on a freshly migrated PostgreSQL database. Shared by every API test.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string AllowedOrigin = "https://tickets.marquee.test";
    public const string OperatorUser = "ops";
    public const string OperatorPassword = "ops-password-for-tests";
    public const string BootstrapAdminEmail = "first-admin@marquee.test";
    public const string BootstrapAdminPassword = "Bootstrap-Admin-Pass-1";
    public const string SiloName = "marquee-silo-api-tests-0";
    public const string ResetUrl = "https://tickets.marquee.test/reset-password";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"marquee-api-tests-{Guid.NewGuid():N}");

    public InProcessSilo Silo { get; private set; } = null!;

    public TestTokens Tokens { get; } = new();

    public WebApplicationFactory<ApiEntry> Factory { get; private set; } = null!;

    public SmtpSink Mail { get; } = new();

    public LocalOidcIssuer Google { get; private set; } = null!;

    public FakeTmdb Tmdb { get; private set; } = null!;

    public PaymentSimulatorHost Payments { get; private set; } = null!;

    /// <summary>The configured catalog sync period, so a test can see the reminder carries it.</summary>
    public static readonly TimeSpan CatalogSyncInterval = TimeSpan.FromMinutes(30);

    /// <summary>Grains as the silo sees them, for what has no HTTP route (forcing a catalog sync).</summary>
    public IGrainFactory Grains => Silo.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        Google = await LocalOidcIssuer.StartAsync();
        Tmdb = await FakeTmdb.StartAsync();
        Payments = await PaymentSimulatorHost.StartAsync();
        Silo = await InProcessSilo.StartAsync(await MigratedDatabase.CreateAsync("api"), settings: new Dictionary<string, string?>
        {
            ["Silo:Name"] = SiloName,
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Identity:PasswordResetUrl"] = ResetUrl,
            ["Identity:Bootstrap:Accounts:0:Email"] = BootstrapAdminEmail,
            ["Identity:Bootstrap:Accounts:0:Password"] = BootstrapAdminPassword,
            ["Identity:Bootstrap:Accounts:0:DisplayName"] = "First Admin",
            ["Identity:Bootstrap:Accounts:0:Roles:0"] = "admin",
            ["Tmdb:BaseUrl"] = Tmdb.BaseUrl.ToString(),
            ["Tmdb:AccessToken"] = FakeTmdb.Token,
            ["Tmdb:RetryBaseDelay"] = "00:00:00.020",
            ["Tmdb:AttemptTimeout"] = "00:00:02",
            ["Catalog:SyncInterval"] = CatalogSyncInterval.ToString(),
            ["Payments:BaseUrl"] = Payments.BaseUrl.ToString(),
            ["Payments:RetryBaseDelay"] = "00:00:00.010",
            ["Payments:MaxRetries"] = "2",
            // Failed charges in dead-letter tests must not open the breaker for the tests around them.
            ["Payments:BreakerMinimumThroughput"] = "1000",
            // Lists every showtime, so a test finds its own among the others' (the route computes afresh).
            ["Forecast:ListedShowtimes"] = "1000",
        });
        Factory = CreateFactory();
        using var client = Factory.CreateClient();
        // Warm up: the first call waits until the client has found the gateway through membership.
        (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();
    }

    /// <summary>A factory over the same cluster with some settings changed (limits, for instance).</summary>
    public WebApplicationFactory<ApiEntry> CreateFactory(IReadOnlyDictionary<string, string?>? overrides = null) =>
        new WebApplicationFactory<ApiEntry>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Test");
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:Marquee"] = Silo.ConnectionString,
                ["Orleans:ClusterId"] = Silo.ClusterId,
                ["Orleans:ServiceId"] = Silo.ClusterId,
                ["Jwt:Issuer"] = TestTokens.Issuer,
                ["Jwt:Audience"] = TestTokens.Audience,
                ["Jwt:SigningKeyPath"] = Tokens.KeyPath,
                ["Dashboard:Username"] = OperatorUser,
                ["Dashboard:Password"] = OperatorPassword,
                ["Edge:CorsOrigins:0"] = AllowedOrigin,
                ["Edge:RequestsPerWindow"] = "100000",
                ["Edge:AuthRequestsPerWindow"] = "100000",
                ["Google:Authority"] = Google.Authority,
                ["Google:ClientId"] = LocalOidcIssuer.ClientId,
                ["Google:ValidIssuers:0"] = Google.Authority,
                ["Google:RequireHttpsMetadata"] = "false",
                ["MARQUEE_DATA_DIR"] = _dataDirectory,
            };
            foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
        });

    public HttpClient CreateClient(string? role = null)
    {
        var client = Factory.CreateClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Mint(role));
        }
        return client;
    }

    public async Task DisposeAsync()
    {
        if (Factory is not null) await Factory.DisposeAsync();
        if (Silo is not null) await Silo.DisposeAsync();
        Tokens.Dispose();
        await Mail.DisposeAsync();
        if (Google is not null) await Google.DisposeAsync();
        if (Tmdb is not null) await Tmdb.DisposeAsync();
        if (Payments is not null) await Payments.DisposeAsync();
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
