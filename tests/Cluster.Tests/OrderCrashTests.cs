using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Orders;

namespace Marquee.Cluster.Tests;

public sealed class OrderCrashTests(TwoSiloClusterFixture cluster) : IClassFixture<TwoSiloClusterFixture>
{
    [Fact]
    public async Task AnOrderWhoseSiloDiesMidChargeIsResumedElsewhereAndChargedOnce()
    {
        using var manager = cluster.CreateAdminClient();
        var category = await ReadAsync(await manager.PostAsJsonAsync("/api/v1/categories", new { name = $"Crash {Guid.NewGuid():N}"[..20] }));
        var product = await ReadAsync(await manager.PostAsJsonAsync("/api/v1/products", new
        {
            name = $"Pipoca {Guid.NewGuid():N}"[..24], description = "Média.", categoryId = category.GetProperty("id").GetInt32(), priceCents = 2400, stock = 10,
        }));
        var productId = product.GetProperty("id").GetInt32();
        var userId = Guid.NewGuid();
        using var customer = cluster.CreateClientFor(userId);
        var key = Enumerable.Range(0, 1000).Select(i => $"crash-{i}").First(candidate => cluster.Payments.Approves(OrderIds.For(userId, candidate)));
        var orderId = OrderIds.For(userId, key);
        // The charge will take long enough for the silo processing it to be killed in the middle.
        cluster.Payments.Ledger.SlowNext(1, TimeSpan.FromSeconds(20));

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(new { items = new[] { new { productId, quantity = 3 } } }) };
        request.Headers.Add("Idempotency-Key", key);
        Assert.Equal(HttpStatusCode.Created, (await customer.SendAsync(request)).StatusCode);
        await WaitUntilAsync(() => cluster.Payments.Ledger.Attempts > 0, "the charge never reached the provider");
        var host = await cluster.SiloHostingAsync(cluster.Client.GetGrain<IOrderGrain>(orderId));
        await host.KillAsync();

        var final = await PollUntilFinalAsync(customer, orderId);

        Assert.Equal("Approved", final.GetProperty("status").GetString());
        Assert.Single(cluster.Payments.Ledger.Charges.Keys, charged => charged == orderId.ToString());
        var stock = (await customer.GetFromJsonAsync<JsonElement>($"/api/v1/products/{productId}")).GetProperty("stock").GetInt32();
        Assert.Equal(7, stock);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(failure);
            await Task.Delay(20);
        }
    }

    /// <summary>Reading the order wakes its grain on the survivor, which resumes it; poll until it is final.</summary>
    private static async Task<JsonElement> PollUntilFinalAsync(HttpClient customer, Guid orderId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(150);
        while (true)
        {
            try
            {
                var response = await customer.GetAsync($"/api/v1/orders/{orderId}");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var order = await response.Content.ReadFromJsonAsync<JsonElement>();
                    if (order.GetProperty("status").GetString() != "Pending") return order;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the order never reached a final status");
            await Task.Delay(250);
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
