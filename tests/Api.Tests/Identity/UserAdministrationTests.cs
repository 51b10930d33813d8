using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marquee.Api.Tests.Identity;

[Collection(ApiCollection.Name)]
public sealed class UserAdministrationTests(ApiFixture fixture)
{
    private readonly IdentityClient _identity = new(fixture);

    private async Task<HttpClient> AdminAsync() =>
        await _identity.SignedInAsync(ApiFixture.BootstrapAdminEmail, ApiFixture.BootstrapAdminPassword);

    [Fact]
    public async Task UpdatingTheProfileChangesTheNameAndIgnoresRolesAndEmail()
    {
        var (_, email) = await _identity.RegisterAsync();
        var me = await _identity.SignedInAsync(email);

        var response = await me.PatchAsJsonAsync("/api/v1/users/me", new { displayName = "Renamed", roles = new[] { "admin" }, email = "other@marquee.test" });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Renamed", body.GetProperty("displayName").GetString());
        Assert.Equal(email, body.GetProperty("email").GetString());
        Assert.Equal(["customer"], body.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
    }

    [Fact]
    public async Task AUserCannotReadAnotherUsersAccountButAnAdminCan()
    {
        var (otherId, _) = await _identity.RegisterAsync();
        var (selfId, email) = await _identity.RegisterAsync();
        var me = await _identity.SignedInAsync(email);

        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync($"/api/v1/users/{selfId}")).StatusCode);
        await (await me.GetAsync($"/api/v1/users/{otherId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await (await AdminAsync()).GetAsync($"/api/v1/users/{otherId}")).StatusCode);
    }

    [Fact]
    public async Task AdminsListUsersInPagesFilteredByEmailAndRole()
    {
        var marker = $"list{Guid.NewGuid():N}"[..16];
        for (var i = 0; i < 3; i++)
        {
            await _identity.RegisterAsync($"{marker}-{i}@marquee.test");
        }
        var admin = await AdminAsync();

        var page1 = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users?email={marker}&pageSize=2");
        var page2 = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users?email={marker}&pageSize=2&pageNumber=2");
        var admins = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?role=admin&pageSize=100");

        Assert.Equal(2, page1.GetProperty("data").GetArrayLength());
        Assert.Equal(1, page2.GetProperty("data").GetArrayLength());
        var pagination = page1.GetProperty("pagination");
        Assert.Equal(1, pagination.GetProperty("pageNumber").GetInt32());
        Assert.Equal(2, pagination.GetProperty("pageSize").GetInt32());
        Assert.Equal(2, pagination.GetProperty("totalPages").GetInt32());
        Assert.True(pagination.GetProperty("firstPage").GetBoolean());
        Assert.False(pagination.GetProperty("lastPage").GetBoolean());
        Assert.True(page2.GetProperty("pagination").GetProperty("lastPage").GetBoolean());
        Assert.All(admins.GetProperty("data").EnumerateArray(),
            user => Assert.Contains("admin", user.GetProperty("roles").EnumerateArray().Select(role => role.GetString())));
    }

    [Theory]
    [InlineData("pageSize=101")]
    [InlineData("pageSize=0")]
    [InlineData("pageNumber=0")]
    [InlineData("pageNumber=abc")]
    [InlineData("role=overlord")]
    public async Task BadPagingOrFiltersAre400Problems(string query)
    {
        var admin = await AdminAsync();
        await (await admin.GetAsync($"/api/v1/users?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OnlyAdminsListUsersOrChangeRoles()
    {
        var (id, email) = await _identity.RegisterAsync();
        var customer = await _identity.SignedInAsync(email);

        await (await customer.GetAsync("/api/v1/users")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await customer.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = new[] { "admin" } })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await _identity.Anonymous.GetAsync("/api/v1/users/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnAdminGrantsARoleThatTheNextTokenCarries()
    {
        var (id, email) = await _identity.RegisterAsync();
        var admin = await AdminAsync();

        var granted = await admin.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = new[] { "manager" } });
        var token = new System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler().ReadJwtToken((await _identity.LoginOkAsync(email)).AccessToken);

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(["customer", "manager"], token.Claims.Where(claim => claim.Type == "role").Select(claim => claim.Value).Order());
    }

    [Fact]
    public async Task ARoleListWithANullInItIsA400NamingRoles()
    {
        var (id, _) = await _identity.RegisterAsync();
        var admin = await AdminAsync();

        var response = await admin.PutAsync($"/api/v1/users/{id}/roles",
            new StringContent("{\"roles\":[\"manager\",null]}", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("roles", out _), problem.ToString());
    }
}
