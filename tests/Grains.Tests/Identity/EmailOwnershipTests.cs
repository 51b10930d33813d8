using Marquee.Common;
using Marquee.Identity;

namespace Marquee.Grains.Tests.Identity;

[Collection(ClusterCollection.Name)]
public sealed class EmailOwnershipTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task AClaimAbandonedByACrashedRegistrationDoesNotBlockTheEmailForever()
    {
        var email = $"abandoned-{Guid.NewGuid():N}@marquee.test";
        // A registration that claimed the address and died before writing its account.
        await Grains.GetGrain<IEmailOwnerGrain>(email).ClaimAsync(Guid.NewGuid());

        var user = await Grains.GetGrain<IUserGrain>(Guid.NewGuid()).RegisterAsync(new NewAccount(email, "Correct-Horse-Battery-9", "Late", [Roles.Customer]));

        Assert.Equal(user.Id, await Grains.GetGrain<IEmailOwnerGrain>(email).GetOwnerAsync());
    }

    [Fact]
    public async Task ARegisteredOwnerKeepsItsEmail()
    {
        var email = $"kept-{Guid.NewGuid():N}@marquee.test";
        var first = await Grains.GetGrain<IUserGrain>(Guid.NewGuid()).RegisterAsync(new NewAccount(email, "Correct-Horse-Battery-9", "First", [Roles.Customer]));

        await Assert.ThrowsAsync<ConflictException>(() =>
            Grains.GetGrain<IUserGrain>(Guid.NewGuid()).RegisterAsync(new NewAccount(email.ToUpperInvariant(), "Correct-Horse-Battery-9", "Second", [Roles.Customer])));
        Assert.Equal(first.Id, await Grains.GetGrain<IEmailOwnerGrain>(email).GetOwnerAsync());
    }

    [Fact]
    public async Task UnknownRolesAreRefused()
    {
        var user = Grains.GetGrain<IUserGrain>(Guid.NewGuid());
        await user.RegisterAsync(new NewAccount($"roles-{Guid.NewGuid():N}@marquee.test", "Correct-Horse-Battery-9", "R", [Roles.Customer]));

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => user.SetRolesAsync(["overlord"]));
        Assert.Equal("roles", error.Field);
    }
}
