using System.Net.Http.Json;
using Marquee.Api.Tests.Orders;
using Marquee.Common;
using Marquee.Concessions;
using Marquee.Identity;
using Marquee.Orders;

namespace Marquee.Api.Tests;

/// <summary>
/// Rules that used to live in the API now hold in the grains themselves, for any caller: what a viewer
/// may see of an order or the menu, and the order of a sign-in (throttle, then credentials).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GrainRulesTests(ApiFixture fixture)
{
    [Fact]
    public async Task AnOrderIsShownToItsOwnerStaffAndAdminsAndToNobodyElse()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var popcorn = await scenario.ProductAsync();
        var (userId, _, customer) = await scenario.CustomerAsync();
        var created = await OrderScenario.ReadAsync(await OrderScenario.OrderAsync(customer, $"rules-{Guid.NewGuid():N}",
            new { items = new[] { new { productId = popcorn, quantity = 1 } } }));
        var order = fixture.Grains.GetGrain<IOrderGrain>(created.GetProperty("id").GetGuid());

        Assert.Equal(userId, (await order.GetForAsync(new Viewer(userId, [Roles.Customer]))).UserId);
        Assert.Equal(userId, (await order.GetForAsync(new Viewer(Guid.NewGuid(), [Roles.Customer, Roles.Manager]))).UserId);
        Assert.Equal(userId, (await order.GetForAsync(new Viewer(Guid.NewGuid(), [Roles.Customer, Roles.Admin]))).UserId);
        await Assert.ThrowsAsync<NotFoundException>(() => order.GetForAsync(new Viewer(Guid.NewGuid(), [Roles.Customer])));
        await Assert.ThrowsAsync<NotFoundException>(() => order.GetForAsync(Viewer.Anonymous));
    }

    [Fact]
    public async Task ProductsOffSaleAreListedOnlyToStaffWhoAskForThem()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var retired = await scenario.ProductAsync();
        await scenario.Manager.DeleteAsync($"/api/v1/products/{retired}");
        var products = fixture.Grains.GetGrain<IProductsGrain>(0);
        var askingForAll = new ProductFilter(CategoryId: scenario.CategoryId, IncludeInactive: true);

        var asCustomer = await products.ListAsync(askingForAll, new Viewer(Guid.NewGuid(), [Roles.Customer]), 1, 100);
        var asManager = await products.ListAsync(askingForAll, new Viewer(Guid.NewGuid(), [Roles.Customer, Roles.Manager]), 1, 100);
        var notAsking = await products.ListAsync(askingForAll with { IncludeInactive = false }, new Viewer(Guid.NewGuid(), [Roles.Admin]), 1, 100);

        Assert.DoesNotContain(asCustomer.Items, product => product.Id == retired);
        Assert.Contains(asManager.Items, product => product.Id == retired);
        Assert.DoesNotContain(notAsking.Items, product => product.Id == retired);
    }

    [Fact]
    public async Task TheCredentialCheckSpendsTheEmailsBudgetBeforeLookingAtThePassword()
    {
        var identity = new IdentityClient(fixture);
        var (_, email) = await identity.RegisterAsync();
        var check = fixture.Grains.GetGrain<ICredentialCheckGrain>(0);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await Assert.ThrowsAsync<AuthenticationFailedException>(() => check.SignInAsync(email, "Wrong-Password-1"));
        }

        // Even the right password is not checked once the budget is spent.
        var throttled = await Assert.ThrowsAsync<SignInThrottledException>(() => check.SignInAsync(email, IdentityClient.Password));
        Assert.True(throttled.RetryAfter > TimeSpan.Zero);
    }
}
