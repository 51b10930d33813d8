using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marquee.Api.Tests.Cinema;

[Collection(ApiCollection.Name)]
public sealed class CinemasApiTests(ApiFixture fixture)
{
    private static readonly object[] Plan =
    [
        new { row = "A", positions = "WWCC_SSSSSS_SS" },
        new { row = "B", positions = "SSSS_SSSSSS_SS" },
        new { row = "C", positions = "PPPP_PPXPPP_PP" },
    ];

    private HttpClient Manager() => fixture.CreateClient("manager");

    private async Task<Guid> CreateCinemaAsync(string? name = null, string neighbourhood = "Pinheiros")
    {
        var response = await Manager().PostAsJsonAsync("/api/v1/cinemas",
            new { name = name ?? $"Marquee {Guid.NewGuid():N}"[..20], neighbourhood, address = "Rua dos Pinheiros, 1000" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task AManagerAddsACinemaAndAnAuditoriumThatAnyoneCanList()
    {
        var cinema = await CreateCinemaAsync();
        var added = await Manager().PostAsJsonAsync($"/api/v1/cinemas/{cinema}/auditoriums", new { name = "Sala 1", rows = Plan });
        using var anonymous = fixture.CreateClient();

        var auditorium = await added.Content.ReadFromJsonAsync<JsonElement>();
        var listed = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/cinemas/{cinema}/auditoriums");
        var fetched = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/cinemas/{cinema}");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(35, auditorium.GetProperty("capacity").GetInt32()); // 36 seats, C7 blocked
        Assert.Equal("Sala 1", listed.GetProperty("data")[0].GetProperty("name").GetString());
        Assert.Equal(1, listed.GetProperty("pagination").GetProperty("totalPages").GetInt32());
        Assert.Equal("Pinheiros", fetched.GetProperty("neighbourhood").GetString());
    }

    [Fact]
    public async Task CinemasAreListedInPagesAndFilteredByNeighbourhood()
    {
        var neighbourhood = $"Bairro {Guid.NewGuid():N}"[..20];
        for (var i = 0; i < 3; i++) await CreateCinemaAsync(neighbourhood: neighbourhood);
        using var anonymous = fixture.CreateClient();

        var page = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/cinemas?neighbourhood={Uri.EscapeDataString(neighbourhood)}&pageSize=2");

        Assert.Equal(2, page.GetProperty("data").GetArrayLength());
        Assert.Equal(2, page.GetProperty("pagination").GetProperty("totalPages").GetInt32());
        Assert.All(page.GetProperty("data").EnumerateArray(), cinema => Assert.Equal(neighbourhood, cinema.GetProperty("neighbourhood").GetString()));
    }

    [Fact]
    public async Task NamesAreUniqueForCinemasAndWithinACinemaForAuditoriums()
    {
        var name = $"Unique {Guid.NewGuid():N}"[..20];
        var cinema = await CreateCinemaAsync(name);
        await Manager().PostAsJsonAsync($"/api/v1/cinemas/{cinema}/auditoriums", new { name = "Sala 1", rows = Plan });

        var sameCinema = await Manager().PostAsJsonAsync("/api/v1/cinemas", new { name = name.ToUpperInvariant(), neighbourhood = "Moema", address = "Av. Ibirapuera, 3103" });
        var sameRoom = await Manager().PostAsJsonAsync($"/api/v1/cinemas/{cinema}/auditoriums", new { name = "sala 1", rows = Plan });

        await sameCinema.AssertProblemAsync(HttpStatusCode.Conflict);
        await sameRoom.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("{\"name\":\"Sala\",\"rows\":[]}")]
    [InlineData("{\"name\":\"Sala\",\"rows\":[null]}")]
    [InlineData("{\"name\":\"Sala\",\"rows\":[{\"row\":\"A\",\"positions\":\"SSQ\"}]}")]
    [InlineData("{\"name\":\"Sala\",\"rows\":[{\"row\":\"A\",\"positions\":\"___\"}]}")]
    [InlineData("{\"name\":\"Sala\",\"rows\":[{\"row\":\"A\",\"positions\":\"SS\"},{\"row\":\"a\",\"positions\":\"SS\"}]}")]
    [InlineData("{\"name\":\"Sala\",\"rows\":[{\"row\":\"7\",\"positions\":\"SS\"}]}")]
    public async Task BadSeatPlansAre400Problems(string body)
    {
        var cinema = await CreateCinemaAsync();
        var response = await Manager().PostAsync($"/api/v1/cinemas/{cinema}/auditoriums", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OnlyManagersChangeCinemasAndUnknownOnesAre404()
    {
        using var customer = fixture.CreateClient("customer");
        using var anonymous = fixture.CreateClient();

        await (await customer.PostAsJsonAsync("/api/v1/cinemas", new { name = "Nope", neighbourhood = "Centro", address = "Praça da Sé, 1" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await anonymous.PostAsJsonAsync("/api/v1/cinemas", new { name = "Nope", neighbourhood = "Centro", address = "Praça da Sé, 1" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync($"/api/v1/cinemas/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/v1/cinemas/{Guid.NewGuid()}/auditoriums")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
