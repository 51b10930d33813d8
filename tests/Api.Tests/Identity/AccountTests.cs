using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Marquee.Api.Tests.Identity;

[Collection(ApiCollection.Name)]
public sealed class AccountTests(ApiFixture fixture)
{
    private readonly IdentityClient _identity = new(fixture);

    [Fact]
    public async Task RegisteringThenSigningInYieldsBearerTokensThatOpenTheProfile()
    {
        var (id, email) = await _identity.RegisterAsync();

        var tokens = await _identity.LoginOkAsync(email);
        var me = await _identity.As(tokens.AccessToken).GetFromJsonAsync<JsonElement>("/api/v1/users/me");

        Assert.Equal("Bearer", tokens.TokenType);
        Assert.InRange(tokens.ExpiresIn, 14 * 60, 15 * 60);
        Assert.False(string.IsNullOrEmpty(tokens.RefreshToken));
        Assert.Equal(id, me.GetProperty("id").GetGuid());
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal(["customer"], me.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
    }

    [Fact]
    public async Task RolesAndIdsSentWithARegistrationAreIgnored()
    {
        var email = IdentityClient.NewEmail("sneaky");
        var forced = Guid.NewGuid();
        var response = await _identity.Anonymous.PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = IdentityClient.Password, displayName = "Sneaky", roles = new[] { "admin" }, id = forced, emailVerified = true });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotEqual(forced, body.GetProperty("id").GetGuid());
        Assert.Equal(["customer"], body.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
    }

    [Fact]
    public async Task TwentySimultaneousRegistrationsOfOneEmailInAnyCaseCreateExactlyOneAccount()
    {
        var local = $"race-{Guid.NewGuid():N}";
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, 20).Select(async i =>
        {
            var email = i % 2 == 0 ? $"{local}@Marquee.Test" : $"{local.ToUpperInvariant()}@marquee.test";
            await start.Task;
            return await _identity.Anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, password = IdentityClient.Password, displayName = $"Racer {i}" });
        }).ToList();
        start.SetResult();
        var responses = await Task.WhenAll(attempts);

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(response => response.StatusCode != HttpStatusCode.Created),
            response => Assert.Equal(HttpStatusCode.Conflict, response.StatusCode));
        await using var dataSource = NpgsqlDataSource.Create(fixture.Silo.ConnectionString);
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM users WHERE email_normalized = $1");
        count.Parameters.Add(new NpgsqlParameter { Value = $"{local}@marquee.test" });
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("short1!")]
    [InlineData("password123")]
    [InlineData("Qwerty123")]
    public async Task WeakPasswordsAreRefusedWithAFieldError(string password)
    {
        var response = await _identity.Anonymous.PostAsJsonAsync("/api/v1/auth/register",
            new { email = IdentityClient.NewEmail(), password, displayName = "Weak" });

        var body = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(body.GetProperty("errors").EnumerateObject(), field => field.Name.Equals("password", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AnUnknownEmailAndAWrongPasswordAnswerAlike()
    {
        var (_, email) = await _identity.RegisterAsync();

        var unknown = await (await _identity.LoginAsync(IdentityClient.NewEmail("ghost"), IdentityClient.Password)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var wrong = await (await _identity.LoginAsync(email, "Not-The-Password-1")).AssertProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(unknown.GetProperty("title").GetString(), wrong.GetProperty("title").GetString());
        Assert.Equal(unknown.TryGetProperty("detail", out var d1) ? d1.GetString() : null, wrong.TryGetProperty("detail", out var d2) ? d2.GetString() : null);
    }

    [Fact]
    public async Task RepeatedFailuresLockTheAccountEvenAgainstTheRightPassword()
    {
        var (_, email) = await _identity.RegisterAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await _identity.LoginAsync(email, $"Wrong-Password-{i}")).StatusCode);
        }

        var locked = await _identity.LoginAsync(email, IdentityClient.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
    }

    [Fact]
    public async Task TooManyAttemptsOnOneEmailAre429WithRetryAfterWhetherOrNotItExists()
    {
        var email = IdentityClient.NewEmail("hammered");
        HttpResponseMessage last = null!;
        for (var i = 0; i < 11; i++)
        {
            last = await _identity.LoginAsync(email, "Whatever-Pass-1");
        }

        await last.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(last.Headers.GetValues("Retry-After").Single()) >= 1);
    }

    [Fact]
    public async Task TheFirstAdminComesFromConfiguration()
    {
        var tokens = await _identity.LoginOkAsync(ApiFixture.BootstrapAdminEmail, ApiFixture.BootstrapAdminPassword);
        var me = await _identity.As(tokens.AccessToken).GetFromJsonAsync<JsonElement>("/api/v1/users/me");

        Assert.Contains("admin", me.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
    }
}
