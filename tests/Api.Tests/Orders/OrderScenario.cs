using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Orders;

namespace Marquee.Api.Tests.Orders;

/// <summary>A showtime, a menu and signed-in customers, built through the API for one test.</summary>
internal sealed class OrderScenario(ApiFixture fixture)
{
    private static readonly object[] Plan =
    [
        new { row = "A", positions = "WWCC_SSSSSS_SS" },
        new { row = "B", positions = "SSSS_SSSSSS_SS" },
        new { row = "C", positions = "PPPP_PPPPPP_PP" },
    ];

    public HttpClient Manager { get; } = fixture.CreateClient("manager");

    public HttpClient Admin { get; } = fixture.CreateClient("admin");

    public Guid ShowtimeId { get; private set; }

    public int CategoryId { get; private set; }

    public static async Task<OrderScenario> CreateAsync(ApiFixture fixture, int daysAhead = 10)
    {
        var scenario = new OrderScenario(fixture);
        await scenario.ArrangeAsync(daysAhead);
        return scenario;
    }

    private async Task ArrangeAsync(int daysAhead)
    {
        var cinema = await ReadAsync(await Manager.PostAsJsonAsync("/api/v1/cinemas",
            new { name = $"Marquee {Guid.NewGuid():N}"[..20], neighbourhood = "Santana", address = "Avenida Cruzeiro do Sul, 3200" }));
        var auditorium = await ReadAsync(await Manager.PostAsJsonAsync($"/api/v1/cinemas/{cinema.GetProperty("id").GetGuid()}/auditoriums", new { name = "Sala 1", rows = Plan }));
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(daysAhead));
        var showtime = await ReadAsync(await Manager.PostAsJsonAsync("/api/v1/showtimes", new
        {
            auditoriumId = auditorium.GetProperty("id").GetGuid(), movieId = 603, format = "2D", audio = "dubbed",
            startsAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(Random.Shared.Next(10, 20), 0)), TimeSpan.FromHours(-3)),
            prices = new { standard = 3000, premium = 4500 },
        }));
        ShowtimeId = showtime.GetProperty("id").GetGuid();
        CategoryId = (await ReadAsync(await Manager.PostAsJsonAsync("/api/v1/categories", new { name = $"Snacks {Guid.NewGuid():N}"[..20] }))).GetProperty("id").GetInt32();
    }

    public async Task<int> ProductAsync(long priceCents = 2500, int stock = 100, int groupSize = 1, string? name = null)
    {
        var product = await ReadAsync(await Manager.PostAsJsonAsync("/api/v1/products", new
        {
            name = name ?? $"Pipoca {Guid.NewGuid():N}"[..24], description = "Salgada, média.", categoryId = CategoryId, priceCents, stock, groupSize,
            imageUrl = "https://cdn.marquee.test/pipoca.png",
        }));
        return product.GetProperty("id").GetInt32();
    }

    public async Task<(Guid UserId, string Email, HttpClient Client)> CustomerAsync()
    {
        var identity = new IdentityClient(fixture);
        var (userId, email) = await identity.RegisterAsync();
        return (userId, email, await identity.SignedInAsync(email));
    }

    public async Task<Guid> HoldAsync(HttpClient customer, params string[] seats)
    {
        var hold = await ReadAsync(await customer.PostAsJsonAsync($"/api/v1/showtimes/{ShowtimeId}/holds", new { seats }));
        return hold.GetProperty("holdId").GetGuid();
    }

    /// <summary>An Idempotency-Key whose order the simulator will approve (or decline).</summary>
    public string KeyFor(Guid userId, bool approve)
    {
        for (var i = 0; ; i++)
        {
            var key = $"key-{Guid.NewGuid():N}";
            if (fixture.Payments.Approves(OrderIds.For(userId, key)) == approve) return key;
        }
    }

    public static Task<HttpResponseMessage> OrderAsync(HttpClient customer, string? key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return customer.SendAsync(request);
    }

    /// <summary>Polls the order until processing ends; the order answers Pending until then.</summary>
    public static async Task<JsonElement> FinalAsync(HttpClient client, Guid orderId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var order = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{orderId}");
            if (order.GetProperty("status").GetString() != "Pending" || DateTime.UtcNow > deadline) return order;
            await Task.Delay(50);
        }
    }

    public async Task<Dictionary<string, string>> SeatStatusesAsync()
    {
        var map = await fixture.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/showtimes/{ShowtimeId}/seats");
        return map.GetProperty("seats").EnumerateArray().ToDictionary(seat => seat.GetProperty("seat").GetString()!, seat => seat.GetProperty("status").GetString()!);
    }

    public async Task<int> StockAsync(int productId) =>
        (await fixture.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/products/{productId}")).GetProperty("stock").GetInt32();

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
