using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Api.Tests.Orders;

namespace Marquee.Api.Tests.Contract;

/// <summary>
/// What an OpenAPI-driven fuzzer found undeclared: each answer is provoked for real, then looked up in
/// the served document under the operation that gave it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DeclaredAnswersTests(ApiFixture fixture)
{
    private async Task AnsweredAndDeclaredAsync(string operation, HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(expected == response.StatusCode, $"{operation}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var document = await ContractDocument.LoadAsync(fixture);
        Assert.True(document.Declares(operation, (int)expected), $"{operation} answers {(int)expected}, which the document does not declare");
    }

    [Fact]
    public async Task SignInAndRefreshDeclareTheir401()
    {
        var identity = new IdentityClient(fixture);
        var (_, email) = await identity.RegisterAsync();

        await AnsweredAndDeclaredAsync("POST /api/v1/auth/login", await identity.LoginAsync(email, "Wrong-Password-123"), HttpStatusCode.Unauthorized);
        await AnsweredAndDeclaredAsync("POST /api/v1/auth/refresh", await identity.RefreshAsync("0000.not-a-real-token"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GoogleSignInDeclares401ForABadTokenAnd404WhenNotConfigured()
    {
        var body = new { idToken = "not.a.token" };
        await AnsweredAndDeclaredAsync("POST /api/v1/auth/external/google",
            await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/external/google", body), HttpStatusCode.Unauthorized);

        await using var unconfigured = fixture.CreateFactory(new Dictionary<string, string?> { ["Google:ClientId"] = "" });
        await AnsweredAndDeclaredAsync("POST /api/v1/auth/external/google",
            await unconfigured.CreateClient().PostAsJsonAsync("/api/v1/auth/external/google", body), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OrderActionsOnUnknownOrdersDeclareTheir404()
    {
        var unknown = Guid.NewGuid();
        await AnsweredAndDeclaredAsync("POST /api/v1/orders/{orderId}/cancel",
            await fixture.CreateClient("customer").PostAsync($"/api/v1/orders/{unknown}/cancel", null), HttpStatusCode.NotFound);
        await AnsweredAndDeclaredAsync("POST /api/v1/orders/{orderId}/refund",
            await fixture.CreateClient("manager").PostAsync($"/api/v1/orders/{unknown}/refund", null), HttpStatusCode.NotFound);
        await AnsweredAndDeclaredAsync("POST /api/v1/admin/dead-letters/{orderId}/retry",
            await fixture.CreateClient("admin").PostAsync($"/api/v1/admin/dead-letters/{unknown}/retry", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TakenSeatsOverlappingShowtimesAndLostHoldsDeclareTheir409()
    {
        var scenario = await OrderScenario.CreateAsync(fixture, daysAhead: 41);
        var (_, _, first) = await scenario.CustomerAsync();
        var (_, _, second) = await scenario.CustomerAsync();
        await scenario.HoldAsync(first, "B1");

        await AnsweredAndDeclaredAsync("POST /api/v1/showtimes/{showtimeId}/holds",
            await second.PostAsJsonAsync($"/api/v1/showtimes/{scenario.ShowtimeId}/holds", new { seats = new[] { "B1" } }), HttpStatusCode.Conflict);

        var order = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = JsonContent.Create(new { showtimeId = scenario.ShowtimeId, holdId = Guid.NewGuid(), tickets = new[] { new { seat = "B2", type = "full" } } }),
        };
        order.Headers.Add("Idempotency-Key", $"declared-{Guid.NewGuid():N}");
        await AnsweredAndDeclaredAsync("POST /api/v1/orders", await second.SendAsync(order), HttpStatusCode.Conflict);

        var showtime = await scenario.Manager.GetFromJsonAsync<JsonElement>($"/api/v1/showtimes/{scenario.ShowtimeId}");
        var overlapping = await scenario.Manager.PostAsJsonAsync("/api/v1/showtimes", new
        {
            auditoriumId = showtime.GetProperty("auditoriumId").GetGuid(), movieId = 603, format = "2D", audio = "dubbed",
            startsAt = showtime.GetProperty("startsAt").GetDateTimeOffset().AddMinutes(30), prices = new { standard = 3000, premium = 4500 },
        });
        await AnsweredAndDeclaredAsync("POST /api/v1/showtimes", overlapping, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task PackageReplacementDeclares428WithoutIfMatchAnd412WhenStale()
    {
        var manager = fixture.CreateClient("manager");
        var created = await manager.PostAsJsonAsync("/api/v1/packages", new { name = $"Contrato {Guid.NewGuid():N}"[..24], genreIds = new[] { 28 }, description = "Ação.", priceCents = 1990 });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        HttpRequestMessage Put(string? ifMatch)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/packages/{id}")
            {
                Content = JsonContent.Create(new { name = $"Contrato {Guid.NewGuid():N}"[..24], genreIds = new[] { 28 }, priceCents = 2990 }),
            };
            if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return request;
        }

        await AnsweredAndDeclaredAsync("PUT /api/v1/packages/{packageId}", await manager.SendAsync(Put(null)), HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.OK, (await manager.SendAsync(Put("\"1\""))).StatusCode);
        await AnsweredAndDeclaredAsync("PUT /api/v1/packages/{packageId}", await manager.SendAsync(Put("\"1\"")), HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task TheHeadersOperationsRequireAreDeclaredAsRequiredParameters()
    {
        var document = await ContractDocument.LoadAsync(fixture);

        void AssertHeader(string operation, string name, bool required)
        {
            var parameters = document.Operation(operation).GetProperty("parameters").EnumerateArray();
            var header = Assert.Single(parameters, parameter => parameter.GetProperty("in").GetString() == "header" && parameter.GetProperty("name").GetString() == name);
            Assert.Equal(required, header.TryGetProperty("required", out var flag) && flag.GetBoolean());
        }

        AssertHeader("POST /api/v1/orders", "Idempotency-Key", required: true);
        AssertHeader("PUT /api/v1/packages/{packageId}", "If-Match", required: true);
        AssertHeader("DELETE /api/v1/packages/{packageId}", "If-Match", required: false);
        AssertHeader("GET /api/v1/showtimes/{showtimeId}/seats", "If-None-Match", required: false);
    }
}
