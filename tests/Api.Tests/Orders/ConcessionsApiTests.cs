using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marquee.Api.Tests.Orders;

[Collection(ApiCollection.Name)]
public sealed class ConcessionsApiTests(ApiFixture fixture)
{
    private static async Task<int[]> IdsAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("data").EnumerateArray().Select(product => product.GetProperty("id").GetInt32()).ToArray();

    [Fact]
    public async Task ManagersKeepProductsThatTheMenuSearchesFiltersAndSorts()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var popcorn = await scenario.ProductAsync(priceCents: 2500, stock: 10, name: $"Pipoca {tag}");
        var soda = await scenario.ProductAsync(priceCents: 1200, stock: 0, name: $"Refrigerante {tag}");
        var candy = await scenario.ProductAsync(priceCents: 900, stock: 5, name: $"Chocolate {tag}");
        using var anonymous = fixture.CreateClient();
        var category = $"categoryId={scenario.CategoryId}";

        Assert.Equal([candy, popcorn, soda], await IdsAsync(anonymous, $"/api/v1/products?{category}"));
        Assert.Equal([soda, popcorn, candy], await IdsAsync(anonymous, $"/api/v1/products?{category}&sort=-name"));
        Assert.Equal([candy, soda, popcorn], await IdsAsync(anonymous, $"/api/v1/products?{category}&sort=price"));
        Assert.Equal([popcorn], await IdsAsync(anonymous, $"/api/v1/products?search=PIPOCA%20{tag}"));
        Assert.Equal([candy, popcorn], await IdsAsync(anonymous, $"/api/v1/products?{category}&inStock=true"));
        Assert.Equal([soda], await IdsAsync(anonymous, $"/api/v1/products?{category}&minPrice=1000&maxPrice=2000"));

        var product = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/products/{popcorn}");
        foreach (var field in new[] { "id", "name", "description", "categoryId", "priceCents", "imageUrl", "active", "stock", "rating" })
        {
            Assert.True(product.TryGetProperty(field, out _), $"product lacks {field}");
        }

        var updated = await scenario.Manager.PutAsJsonAsync($"/api/v1/products/{popcorn}",
            new { name = $"Pipoca grande {tag}", description = "Grande.", categoryId = scenario.CategoryId, priceCents = 3100, stock = 7, active = true });
        Assert.Equal(3100, (await OrderScenario.ReadAsync(updated)).GetProperty("priceCents").GetInt64());
        Assert.Equal(HttpStatusCode.NoContent, (await scenario.Manager.DeleteAsync($"/api/v1/products/{candy}")).StatusCode);
        Assert.DoesNotContain(candy, await IdsAsync(anonymous, $"/api/v1/products?{category}"));
        Assert.Contains(candy, await IdsAsync(scenario.Manager, $"/api/v1/products?{category}&includeInactive=true"));
        Assert.DoesNotContain(candy, await IdsAsync(anonymous, $"/api/v1/products?{category}&includeInactive=true"));
    }

    [Fact]
    public async Task AReplacementKeepsWhatItDoesNotSendSoAnOffSaleProductStaysOffSale()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var id = await scenario.ProductAsync(groupSize: 4);
        Assert.Equal(HttpStatusCode.NoContent, (await scenario.Manager.DeleteAsync($"/api/v1/products/{id}")).StatusCode);

        var kept = await OrderScenario.ReadAsync(await scenario.Manager.PutAsJsonAsync($"/api/v1/products/{id}",
            new { name = $"Combo {Guid.NewGuid():N}"[..20], categoryId = scenario.CategoryId, priceCents = 4200, stock = 9 }));

        Assert.False(kept.GetProperty("active").GetBoolean());
        Assert.Equal("Salgada, média.", kept.GetProperty("description").GetString());
        Assert.Equal("https://cdn.marquee.test/pipoca.png", kept.GetProperty("imageUrl").GetString());
        Assert.Equal(4, kept.GetProperty("groupSize").GetInt32());
        Assert.Equal(4200, kept.GetProperty("priceCents").GetInt64());

        var changed = await OrderScenario.ReadAsync(await scenario.Manager.PutAsJsonAsync($"/api/v1/products/{id}",
            new { name = $"Combo {Guid.NewGuid():N}"[..20], categoryId = scenario.CategoryId, priceCents = 4200, stock = 9, active = true, description = "", imageUrl = "" }));

        Assert.True(changed.GetProperty("active").GetBoolean());
        Assert.Equal("", changed.GetProperty("description").GetString());
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("imageUrl").ValueKind);
    }

    [Fact]
    public async Task ProductRulesAreEnforcedWithProblems()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var name = $"Nachos {Guid.NewGuid():N}"[..20];
        object Body(string productName, long price = 1500, int stock = 5, int categoryId = 0) =>
            new { name = productName, description = "Com queijo.", categoryId = categoryId == 0 ? scenario.CategoryId : categoryId, priceCents = price, stock };

        Assert.Equal(HttpStatusCode.Created, (await scenario.Manager.PostAsJsonAsync("/api/v1/products", Body(name))).StatusCode);
        await ProblemAssertions.AssertProblemAsync(await scenario.Manager.PostAsJsonAsync("/api/v1/products", Body(name.ToUpperInvariant())), HttpStatusCode.Conflict);
        await ProblemAssertions.AssertProblemAsync(await scenario.Manager.PostAsJsonAsync("/api/v1/products", Body(name + "x", price: 0)), HttpStatusCode.BadRequest);
        await ProblemAssertions.AssertProblemAsync(await scenario.Manager.PostAsJsonAsync("/api/v1/products", Body(name + "y", stock: -1)), HttpStatusCode.BadRequest);
        await ProblemAssertions.AssertProblemAsync(await scenario.Manager.PostAsJsonAsync("/api/v1/products", Body(name + "z", categoryId: 999_999)), HttpStatusCode.BadRequest);
        await ProblemAssertions.AssertProblemAsync(await fixture.CreateClient().GetAsync("/api/v1/products?sort=cheapest"), HttpStatusCode.BadRequest);
        await ProblemAssertions.AssertProblemAsync(await fixture.CreateClient().GetAsync("/api/v1/products/2000000000"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.CreateClient("customer").PostAsJsonAsync("/api/v1/products", Body(name + "w"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.CreateClient().PostAsJsonAsync("/api/v1/categories", new { name = "Hack" })).StatusCode);
    }

    [Fact]
    public async Task OffersPutCombosFirstForPartiesThenWhatThisMoviesAudienceBought()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        // Offers rank the whole menu; these are the products this test compares, by id.
        var water = await scenario.ProductAsync(priceCents: 600);
        var nachos = await scenario.ProductAsync(priceCents: 1800);
        var combo = await scenario.ProductAsync(priceCents: 5900, groupSize: 2);
        var (userId, _, customer) = await scenario.CustomerAsync();
        // Water sells more overall, but in an order for no movie: overall sales must not outrank this audience's taste.
        var thirsty = await OrderScenario.ReadAsync(await OrderScenario.OrderAsync(customer, scenario.KeyFor(userId, approve: true),
            new { items = new[] { new { productId = water, quantity = 5 } } }));
        Assert.Equal("Approved", (await OrderScenario.FinalAsync(customer, thirsty.GetProperty("id").GetGuid())).GetProperty("status").GetString());
        var holdId = await scenario.HoldAsync(customer, "B3");
        var created = await OrderScenario.ReadAsync(await OrderScenario.OrderAsync(customer, scenario.KeyFor(userId, approve: true), new
        {
            showtimeId = scenario.ShowtimeId, holdId, tickets = new[] { new { seat = "B3", type = "full" } },
            items = new[] { new { productId = nachos, quantity = 3 } },
        }));
        Assert.Equal("Approved", (await OrderScenario.FinalAsync(customer, created.GetProperty("id").GetGuid())).GetProperty("status").GetString());
        using var anonymous = fixture.CreateClient();

        var alone = (await IdsAsync(anonymous, $"/api/v1/showtimes/{scenario.ShowtimeId}/offers?pageSize=100")).Where(new[] { water, nachos, combo }.Contains).ToArray();
        var couple = (await IdsAsync(anonymous, $"/api/v1/showtimes/{scenario.ShowtimeId}/offers?partySize=2&pageSize=100")).Where(new[] { water, nachos, combo }.Contains).ToArray();

        Assert.Equal(nachos, alone[0]);
        Assert.Equal([combo, nachos, water], couple);
        await ProblemAssertions.AssertProblemAsync(await anonymous.GetAsync($"/api/v1/showtimes/{Guid.NewGuid()}/offers"), HttpStatusCode.NotFound);
    }
}
