using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marquee.Api.Tests.Orders;

[Collection(ApiCollection.Name)]
public sealed partial class OrderFlowTests(ApiFixture fixture)
{
    private static readonly TimeSpan MailPatience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task AnApprovedOrderSellsTheSeatsIssuesCodesCommitsStockAndMails()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var popcorn = await scenario.ProductAsync(priceCents: 2500, stock: 10);
        var (userId, email, customer) = await scenario.CustomerAsync();
        var holdId = await scenario.HoldAsync(customer, "B5", "C5");

        var response = await OrderScenario.OrderAsync(customer, scenario.KeyFor(userId, approve: true), new
        {
            showtimeId = scenario.ShowtimeId, holdId,
            tickets = new[] { new { seat = "B5", type = "full" }, new { seat = "C5", type = "half" } },
            items = new[] { new { productId = popcorn, quantity = 2 } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Pending", created.GetProperty("status").GetString());
        Assert.Equal(3000 + 2250 + 2 * 2500, created.GetProperty("amountCents").GetInt64());
        Assert.Equal("BRL", created.GetProperty("currency").GetString());
        var orderId = created.GetProperty("id").GetGuid();

        var final = await OrderScenario.FinalAsync(customer, orderId);
        Assert.Equal("Approved", final.GetProperty("status").GetString());
        var codes = final.GetProperty("tickets").EnumerateArray().Select(ticket => ticket.GetProperty("code").GetString()!).ToList();
        Assert.Equal(2, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches(TicketCode(), code));
        var seats = await scenario.SeatStatusesAsync();
        Assert.Equal("sold", seats["B5"]);
        Assert.Equal("sold", seats["C5"]);
        Assert.Equal(8, await scenario.StockAsync(popcorn));

        var mail = await fixture.Mail.WaitForMessageToAsync(email, MailPatience);
        Assert.Contains("confirmado", mail.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(codes[0], mail.TextBody);
        Assert.Contains(codes[1], mail.HtmlBody);
    }

    [Fact]
    public async Task ARefusedOrderReleasesSeatsAndStockAndMails()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var popcorn = await scenario.ProductAsync(stock: 10);
        var (userId, email, customer) = await scenario.CustomerAsync();
        var holdId = await scenario.HoldAsync(customer, "B7");

        var created = await OrderScenario.ReadAsync(await OrderScenario.OrderAsync(customer, scenario.KeyFor(userId, approve: false), new
        {
            showtimeId = scenario.ShowtimeId, holdId, tickets = new[] { new { seat = "B7", type = "full" } },
            items = new[] { new { productId = popcorn, quantity = 3 } },
        }));

        var final = await OrderScenario.FinalAsync(customer, created.GetProperty("id").GetGuid());
        Assert.Equal("Refused", final.GetProperty("status").GetString());
        Assert.Equal("available", (await scenario.SeatStatusesAsync())["B7"]);
        Assert.Equal(10, await scenario.StockAsync(popcorn));
        Assert.Contains("não foi aprovado", (await fixture.Mail.WaitForMessageToAsync(email, MailPatience)).Subject, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FiftyConcurrentReplaysOfOneKeyMakeOneOrderAndOneCharge()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var popcorn = await scenario.ProductAsync();
        var (userId, _, customer) = await scenario.CustomerAsync();
        var holdId = await scenario.HoldAsync(customer, "B9", "B10");
        var key = scenario.KeyFor(userId, approve: true);
        var body = new
        {
            showtimeId = scenario.ShowtimeId, holdId,
            tickets = new[] { new { seat = "B9", type = "full" }, new { seat = "B10", type = "full" } },
            items = new[] { new { productId = popcorn, quantity = 1 } },
        };

        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => OrderScenario.OrderAsync(customer, key, body))));

        Assert.All(replies, reply => Assert.Equal(HttpStatusCode.Created, reply.StatusCode));
        var ids = await Task.WhenAll(replies.Select(async reply => (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        var orderId = Assert.Single(ids.Distinct());
        Assert.Equal("Approved", (await OrderScenario.FinalAsync(customer, orderId)).GetProperty("status").GetString());
        var mine = await customer.GetFromJsonAsync<JsonElement>("/api/v1/users/me/orders");
        Assert.Equal(orderId, Assert.Single(mine.GetProperty("data").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.True(fixture.Payments.Ledger.Charges.ContainsKey(orderId.ToString()));

        var other = await OrderScenario.OrderAsync(customer, key, body with { items = new[] { new { productId = popcorn, quantity = 2 } } });
        await ProblemAssertions.AssertProblemAsync(other, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task TheServerPricesTheOrderAndIgnoresWhatTheClientClaims()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var soda = await scenario.ProductAsync(priceCents: 1200);
        var (userId, _, customer) = await scenario.CustomerAsync();

        var created = await OrderScenario.ReadAsync(await OrderScenario.OrderAsync(customer, scenario.KeyFor(userId, approve: true), new
        {
            items = new[] { new { productId = soda, quantity = 2, unitPriceCents = 1 } },
            amountCents = 1, status = "Approved", currency = "USD",
        }));

        Assert.Equal("Pending", created.GetProperty("status").GetString());
        Assert.Equal(2400, created.GetProperty("amountCents").GetInt64());
        Assert.Equal(1200, created.GetProperty("items")[0].GetProperty("unitPriceCents").GetInt64());
        Assert.Empty(created.GetProperty("tickets").EnumerateArray());
        Assert.Equal("Approved", (await OrderScenario.FinalAsync(customer, created.GetProperty("id").GetGuid())).GetProperty("status").GetString());
    }

    [Fact]
    public async Task StockNeverGoesNegativeUnderConcurrentOrders()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var combo = await scenario.ProductAsync(stock: 5);
        var buyers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => scenario.CustomerAsync()));

        var orders = await Task.WhenAll(buyers.Select(buyer => Task.Run(async () =>
        {
            var created = await OrderScenario.ReadAsync(await OrderScenario.OrderAsync(buyer.Client, scenario.KeyFor(buyer.UserId, approve: true),
                new { items = new[] { new { productId = combo, quantity = 1 } } }));
            return await OrderScenario.FinalAsync(buyer.Client, created.GetProperty("id").GetGuid());
        })));

        Assert.Equal(5, orders.Count(order => order.GetProperty("status").GetString() == "Approved"));
        Assert.Equal(7, orders.Count(order => order.GetProperty("status").GetString() == "Refused"));
        Assert.All(orders.Where(order => order.GetProperty("status").GetString() == "Refused"),
            order => Assert.Contains("sold out", order.GetProperty("failure").GetString()));
        Assert.Equal(0, await scenario.StockAsync(combo));
    }

    [Fact]
    public async Task BadOrdersAre400And409Problems()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var popcorn = await scenario.ProductAsync();
        var (userId, _, customer) = await scenario.CustomerAsync();
        var (_, _, stranger) = await scenario.CustomerAsync();
        var holdId = await scenario.HoldAsync(customer, "B1", "B2");
        var key = scenario.KeyFor(userId, approve: true);
        var tickets = new[] { new { seat = "B1", type = "full" }, new { seat = "B2", type = "full" } };

        await ProblemAssertions.AssertProblemAsync(await OrderScenario.OrderAsync(customer, null, new { items = new[] { new { productId = popcorn, quantity = 1 } } }), HttpStatusCode.BadRequest);
        await ProblemAssertions.AssertProblemAsync(await OrderScenario.OrderAsync(customer, key + "a", new { }), HttpStatusCode.BadRequest);
        await ProblemAssertions.AssertProblemAsync(await OrderScenario.OrderAsync(customer, key + "b",
            new { showtimeId = scenario.ShowtimeId, holdId, tickets = new[] { new { seat = "B1", type = "full" } } }), HttpStatusCode.BadRequest);
        await ProblemAssertions.AssertProblemAsync(await OrderScenario.OrderAsync(customer, key + "c",
            new { showtimeId = scenario.ShowtimeId, holdId, tickets = new[] { new { seat = "B1", type = "child" }, new { seat = "B2", type = "full" } } }), HttpStatusCode.BadRequest);
        await ProblemAssertions.AssertProblemAsync(await OrderScenario.OrderAsync(customer, key + "d",
            new { items = new[] { new { productId = 999_999_999, quantity = 1 } } }), HttpStatusCode.BadRequest);
        await ProblemAssertions.AssertProblemAsync(await OrderScenario.OrderAsync(stranger, "stolen-hold",
            new { showtimeId = scenario.ShowtimeId, holdId, tickets }), HttpStatusCode.Conflict);

        // The hold survived all of that and still buys its seats.
        var created = await OrderScenario.ReadAsync(await OrderScenario.OrderAsync(customer, key, new { showtimeId = scenario.ShowtimeId, holdId, tickets }));
        Assert.Equal("Approved", (await OrderScenario.FinalAsync(customer, created.GetProperty("id").GetGuid())).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/orders/{created.GetProperty("id").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task ANullTicketOrItemIsA400NamingIt()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var (_, _, customer) = await scenario.CustomerAsync();
        var holdId = await scenario.HoldAsync(customer, "C4");

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { items = new object?[] { null } }, "items"),
            (new { showtimeId = scenario.ShowtimeId, holdId, tickets = new object?[] { null } }, "tickets"),
        })
        {
            var problem = await ProblemAssertions.AssertProblemAsync(
                await OrderScenario.OrderAsync(customer, $"null-line-{Guid.NewGuid():N}", body), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }

    [Fact]
    public async Task AnOrderNamingAShowtimeOrHoldButNoTicketsIsRefusedAndChargesNothing()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var popcorn = await scenario.ProductAsync(stock: 50);
        var (_, _, customer) = await scenario.CustomerAsync();
        var items = new[] { new { productId = popcorn, quantity = 2 } };

        foreach (var body in new object[]
        {
            new { showtimeId = scenario.ShowtimeId, holdId = Guid.NewGuid(), items },
            new { showtimeId = scenario.ShowtimeId, items },
            new { holdId = Guid.NewGuid(), items },
        })
        {
            var problem = await ProblemAssertions.AssertProblemAsync(
                await OrderScenario.OrderAsync(customer, $"no-tickets-{Guid.NewGuid():N}", body), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("tickets", out _), problem.ToString());
        }

        var mine = await customer.GetFromJsonAsync<JsonElement>("/api/v1/users/me/orders");
        Assert.Empty(mine.GetProperty("data").EnumerateArray());
        Assert.Equal(50, await scenario.StockAsync(popcorn));
    }

    [GeneratedRegex("^[0-9A-F]{4}(-[0-9A-F]{4}){5}$")]
    private static partial Regex TicketCode();
}
