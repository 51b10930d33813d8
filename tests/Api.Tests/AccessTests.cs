using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Marquee.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AccessTests(ApiFixture fixture)
{
    [Fact]
    public async Task AdminRoutesAre401WithoutAToken()
    {
        using var client = fixture.CreateClient();
        await (await client.GetAsync("/api/v1/admin/cluster")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AdminRoutesAre403ForACustomer()
    {
        using var client = fixture.CreateClient("customer");
        await (await client.GetAsync("/api/v1/admin/cluster")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnAdminSeesTheActiveSiloUnderItsConfiguredName()
    {
        using var client = fixture.CreateClient("admin");
        var cluster = await client.GetFromJsonAsync<JsonElement>("/api/v1/admin/cluster");

        var silos = cluster.GetProperty("silos").EnumerateArray().ToList();
        Assert.Contains(silos, silo => silo.GetProperty("status").GetString() == "Active"
            && silo.GetProperty("name").GetString() == ApiFixture.SiloName);
    }

    [Fact]
    public async Task ATokenSignedWithAnotherKeyIs401()
    {
        using var stranger = new Marquee.Testing.TestTokens();
        using var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", stranger.Mint("admin"));

        await (await client.GetAsync("/api/v1/admin/cluster")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnUnsignedTokenIs401()
    {
        static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        var token = $"{Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Encode($"{{\"sub\":\"x\",\"role\":\"admin\",\"iss\":\"{Marquee.Testing.TestTokens.Issuer}\",\"aud\":\"{Marquee.Testing.TestTokens.Audience}\",\"exp\":{exp}}}")}.";
        using var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await (await client.GetAsync("/api/v1/admin/cluster")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheDashboardRefusesAnonymousAndWrongCredentials()
    {
        using var client = fixture.CreateClient("admin");
        var anonymous = await client.GetAsync("/dashboard/");
        client.DefaultRequestHeaders.Authorization = Basic(ApiFixture.OperatorUser, "wrong");
        var wrong = await client.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task TheDashboardServesTheOperator()
    {
        using var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic(ApiFixture.OperatorUser, ApiFixture.OperatorPassword);

        var page = await client.GetAsync("/dashboard/");
        var version = await client.GetAsync("/dashboard/version");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
    }

    [Fact]
    public async Task ACanaryTouchedThroughTheApiIsPersisted()
    {
        using var client = fixture.CreateClient("admin");
        var name = $"api-{Guid.NewGuid():N}";

        await client.PostAsJsonAsync($"/api/v1/admin/canaries/{name}/touches", new { count = 4 });
        var touched = await client.PostAsJsonAsync($"/api/v1/admin/canaries/{name}/touches", new { count = 1 });

        Assert.Equal(HttpStatusCode.OK, touched.StatusCode);
        var body = await touched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5, body.GetProperty("touches").GetInt64());
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
