using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marquee.Api.Tests.Orders;

[Collection(ApiCollection.Name)]
public sealed class OrderLifecycleTests(ApiFixture fixture)
{
    [Fact]
    public async Task WhenPaymentKeepsFailingTheOrderIsDeadLetteredAndAnAdminRetryCompletesIt()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var (userId, _, customer) = await scenario.CustomerAsync();
        var holdId = await scenario.HoldAsync(customer, "A5");
        fixture.Payments.Ledger.FailNext(1000);
        Guid orderId;
        try
        {
            var created = await OrderScenario.ReadAsync(await OrderScenario.OrderAsync(customer, scenario.KeyFor(userId, approve: true),
                new { showtimeId = scenario.ShowtimeId, holdId, tickets = new[] { new { seat = "A5", type = "half" } } }));
            orderId = created.GetProperty("id").GetGuid();
            var failed = await OrderScenario.FinalAsync(customer, orderId);
            Assert.Equal("Failed", failed.GetProperty("status").GetString());
            Assert.True(failed.GetProperty("deadLettered").GetBoolean());
        }
        finally
        {
            fixture.Payments.Ledger.FailNext(0);
        }
        Assert.Equal("held", (await scenario.SeatStatusesAsync())["A5"]);
        Assert.Contains(orderId, await DeadLetterIdsAsync(scenario.Admin));
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/api/v1/admin/dead-letters")).StatusCode);

        var retried = await scenario.Admin.PostAsync($"/api/v1/admin/dead-letters/{orderId}/retry", null);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("Approved", (await OrderScenario.FinalAsync(customer, orderId)).GetProperty("status").GetString());
        Assert.Equal("sold", (await scenario.SeatStatusesAsync())["A5"]);
        Assert.DoesNotContain(orderId, await DeadLetterIdsAsync(scenario.Admin));
        Assert.Single(fixture.Payments.Ledger.Charges.Keys, key => key == orderId.ToString());
    }

    [Fact]
    public async Task ARetriedDeadLetterWhoseSeatsWereLetGoIsRefusedWithoutACharge()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var (userId, _, customer) = await scenario.CustomerAsync();
        var holdId = await scenario.HoldAsync(customer, "B3");
        fixture.Payments.Ledger.FailNext(1000);
        Guid orderId;
        try
        {
            var created = await OrderScenario.ReadAsync(await OrderScenario.OrderAsync(customer, scenario.KeyFor(userId, approve: true),
                new { showtimeId = scenario.ShowtimeId, holdId, tickets = new[] { new { seat = "B3", type = "full" } } }));
            orderId = created.GetProperty("id").GetGuid();
            Assert.Equal("Failed", (await OrderScenario.FinalAsync(customer, orderId)).GetProperty("status").GetString());
        }
        finally
        {
            fixture.Payments.Ledger.FailNext(0);
        }
        // What time does to a dead letter's hold (it runs out, or sales close): its seats go back on sale.
        await fixture.Grains.GetGrain<Marquee.Cinema.IShowtimeSeatsGrain>(scenario.ShowtimeId).ReleaseOrderAsync(orderId);

        var retried = await scenario.Admin.PostAsync($"/api/v1/admin/dead-letters/{orderId}/retry", null);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var final = await OrderScenario.FinalAsync(customer, orderId);
        Assert.Equal("Refused", final.GetProperty("status").GetString());
        Assert.Contains("nothing was charged", final.GetProperty("failure").GetString());
        Assert.DoesNotContain(orderId.ToString(), fixture.Payments.Ledger.Charges.Keys);
        Assert.Equal("available", (await scenario.SeatStatusesAsync())["B3"]);
    }

    [Fact]
    public async Task ASimulatorFaultOnOneAmountDeadLettersOnlyTheOrdersOfThatAmount()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var unlucky = await scenario.ProductAsync(priceCents: 1337);
        var lucky = await scenario.ProductAsync(priceCents: 1500);
        var (userId, _, customer) = await scenario.CustomerAsync();
        using var simulator = new HttpClient { BaseAddress = fixture.Payments.BaseUrl };
        (await simulator.PostAsJsonAsync("v1/faults", new { failAmountCents = 1337 })).EnsureSuccessStatusCode();
        try
        {
            var failing = await OrderScenario.ReadAsync(await OrderScenario.OrderAsync(customer, scenario.KeyFor(userId, approve: true),
                new { items = new[] { new { productId = unlucky, quantity = 1 } } }));
            var fine = await OrderScenario.ReadAsync(await OrderScenario.OrderAsync(customer, scenario.KeyFor(userId, approve: true),
                new { items = new[] { new { productId = lucky, quantity = 1 } } }));

            var failed = await OrderScenario.FinalAsync(customer, failing.GetProperty("id").GetGuid());
            Assert.Equal("Failed", failed.GetProperty("status").GetString());
            Assert.True(failed.GetProperty("deadLettered").GetBoolean());
            Assert.Equal("Approved", (await OrderScenario.FinalAsync(customer, fine.GetProperty("id").GetGuid())).GetProperty("status").GetString());
        }
        finally
        {
            (await simulator.PostAsJsonAsync("v1/faults", new { recoverAmountCents = 1337 })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task AnOwnerCancelsAnUnchargedOrderAndGetsTheSeatsBack()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var popcorn = await scenario.ProductAsync(stock: 4);
        var (userId, _, customer) = await scenario.CustomerAsync();
        var (_, _, stranger) = await scenario.CustomerAsync();
        var holdId = await scenario.HoldAsync(customer, "A6");
        fixture.Payments.Ledger.FailNext(1000);
        Guid orderId;
        try
        {
            var created = await OrderScenario.ReadAsync(await OrderScenario.OrderAsync(customer, scenario.KeyFor(userId, approve: true), new
            {
                showtimeId = scenario.ShowtimeId, holdId, tickets = new[] { new { seat = "A6", type = "full" } },
                items = new[] { new { productId = popcorn, quantity = 4 } },
            }));
            orderId = created.GetProperty("id").GetGuid();
            Assert.Equal("Failed", (await OrderScenario.FinalAsync(customer, orderId)).GetProperty("status").GetString());
        }
        finally
        {
            fixture.Payments.Ledger.FailNext(0);
        }
        Assert.Equal(0, await scenario.StockAsync(popcorn));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/orders/{orderId}/cancel", null)).StatusCode);

        var cancelled = await OrderScenario.ReadAsync(await customer.PostAsync($"/api/v1/orders/{orderId}/cancel", null));

        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal("available", (await scenario.SeatStatusesAsync())["A6"]);
        Assert.Equal(4, await scenario.StockAsync(popcorn));
        Assert.DoesNotContain(orderId, await DeadLetterIdsAsync(scenario.Admin));
    }

    [Fact]
    public async Task AManagerRefundsAnApprovedOrderAndItsSeatsAndStockReturn()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var popcorn = await scenario.ProductAsync(stock: 3);
        var (userId, email, customer) = await scenario.CustomerAsync();
        var holdId = await scenario.HoldAsync(customer, "C2");
        var created = await OrderScenario.ReadAsync(await OrderScenario.OrderAsync(customer, scenario.KeyFor(userId, approve: true), new
        {
            showtimeId = scenario.ShowtimeId, holdId, tickets = new[] { new { seat = "C2", type = "full" } },
            items = new[] { new { productId = popcorn, quantity = 1 } },
        }));
        var orderId = created.GetProperty("id").GetGuid();
        Assert.Equal("Approved", (await OrderScenario.FinalAsync(customer, orderId)).GetProperty("status").GetString());
        await ProblemAssertions.AssertProblemAsync(await customer.PostAsync($"/api/v1/orders/{orderId}/cancel", null), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PostAsync($"/api/v1/orders/{orderId}/refund", null)).StatusCode);

        var refunded = await OrderScenario.ReadAsync(await scenario.Manager.PostAsync($"/api/v1/orders/{orderId}/refund", null));

        Assert.Equal("Refunded", refunded.GetProperty("status").GetString());
        Assert.Equal("available", (await scenario.SeatStatusesAsync())["C2"]);
        Assert.Equal(3, await scenario.StockAsync(popcorn));
        Assert.Equal("refunded", fixture.Payments.Ledger.Charges[orderId.ToString()].Status);
        var mail = await fixture.Mail.WaitForMessageToAsync(email, TimeSpan.FromSeconds(15), message => message.Subject?.Contains("reembolsado", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Contains("voltaram à venda", mail.TextBody);
        Assert.Equal(HttpStatusCode.OK, (await scenario.Manager.PostAsync($"/api/v1/orders/{orderId}/refund", null)).StatusCode);
    }

    [Fact]
    public async Task BuyersRateEachProductOnceAndListingsShowTheAverage()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var popcorn = await scenario.ProductAsync();
        var candy = await scenario.ProductAsync();
        var (userId, _, customer) = await scenario.CustomerAsync();
        var (_, _, stranger) = await scenario.CustomerAsync();
        var created = await OrderScenario.ReadAsync(await OrderScenario.OrderAsync(customer, scenario.KeyFor(userId, approve: true),
            new { items = new[] { new { productId = popcorn, quantity = 1 } } }));
        var orderId = created.GetProperty("id").GetGuid();
        Assert.Equal("Approved", (await OrderScenario.FinalAsync(customer, orderId)).GetProperty("status").GetString());

        var rated = await OrderScenario.ReadAsync(await customer.PostAsJsonAsync($"/api/v1/products/{popcorn}/ratings", new { orderId, stars = 4 }));

        Assert.Equal(4.0, rated.GetProperty("rating").GetProperty("average").GetDouble());
        Assert.Equal(1, rated.GetProperty("rating").GetProperty("count").GetInt32());
        await ProblemAssertions.AssertProblemAsync(await customer.PostAsJsonAsync($"/api/v1/products/{popcorn}/ratings", new { orderId, stars = 5 }), HttpStatusCode.Conflict);
        await ProblemAssertions.AssertProblemAsync(await customer.PostAsJsonAsync($"/api/v1/products/{candy}/ratings", new { orderId, stars = 5 }), HttpStatusCode.BadRequest);
        await ProblemAssertions.AssertProblemAsync(await stranger.PostAsJsonAsync($"/api/v1/products/{popcorn}/ratings", new { orderId, stars = 5 }), HttpStatusCode.BadRequest);
        await ProblemAssertions.AssertProblemAsync(await customer.PostAsJsonAsync($"/api/v1/products/{popcorn}/ratings", new { orderId, stars = 6 }), HttpStatusCode.BadRequest);
        var listed = await customer.GetFromJsonAsync<JsonElement>($"/api/v1/products?categoryId={scenario.CategoryId}&sort=-rating");
        Assert.Equal(popcorn, listed.GetProperty("data")[0].GetProperty("id").GetInt32());
    }

    private static async Task<List<Guid>> DeadLetterIdsAsync(HttpClient admin)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/dead-letters?pageSize=100");
        return page.GetProperty("data").EnumerateArray().Select(order => order.GetProperty("id").GetGuid()).ToList();
    }
}
