using Marquee.Cinema;
using Marquee.Common;

namespace Marquee.Grains.Tests.Cinema;

/// <summary>A cluster whose holds last one second, so expiry happens within a test.</summary>
public sealed class ShortHoldClusterFixture : ClusterFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Cinema:HoldDuration"] = "00:00:01",
        ["Cinema:ExpirySweepInterval"] = "00:00:01",
    };
}

[CollectionDefinition(Name)]
public sealed class ShortHoldCollection : ICollectionFixture<ShortHoldClusterFixture>
{
    public const string Name = "short-holds";
}

[Collection(ShortHoldCollection.Name)]
public sealed class HoldExpiryTests(ShortHoldClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task AnExpiredHoldFreesItsSeatsAndCannotBeBought()
    {
        var seats = Grains.GetGrain<IShowtimeSeatsGrain>(Guid.NewGuid());
        await seats.ConfigureAsync(Layouts.Standard());
        var buyer = Guid.NewGuid();
        var hold = await seats.HoldSeatsAsync(buyer, ["F7"]);

        await WaitPastAsync(hold.ExpiresAt);

        await Assert.ThrowsAsync<ConflictException>(() => seats.ConfirmHoldAsync(buyer, hold.HoldId, Guid.NewGuid()));
        Assert.Equal(SeatStatus.Available, (await seats.GetSeatMapAsync()).Seats.Single(seat => seat.Seat == "F7").Status);
    }

    [Fact]
    public async Task ExpirySurvivesDeactivation()
    {
        var seats = Grains.GetGrain<IShowtimeSeatsGrain>(Guid.NewGuid());
        await seats.ConfigureAsync(Layouts.Standard());
        var hold = await seats.HoldSeatsAsync(Guid.NewGuid(), ["A5", "A6"]);

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await WaitPastAsync(hold.ExpiresAt);

        ShowtimeSeatsGrainTests.AssertCounts(await seats.GetSeatMapAsync(), held: 0, sold: 0);
    }

    [Fact]
    public async Task ExpiryRacingConfirmationNeverSellsAndFreesTheSameSeat()
    {
        var seats = Grains.GetGrain<IShowtimeSeatsGrain>(Guid.NewGuid());
        await seats.ConfigureAsync(Layouts.Standard());
        var rows = "BCDEFGHI";
        var holds = new List<(Guid Buyer, HoldConfirmation Hold)>();
        foreach (var row in rows)
        {
            for (var n = 6; n <= 24; n += 3)
            {
                var buyer = Guid.NewGuid();
                holds.Add((buyer, await seats.HoldSeatsAsync(buyer, [$"{row}{n}", $"{row}{n + 1}"])));
            }
        }

        // Fire the confirmations and rival holds for the same seats right at the expiry instant.
        await WaitUntilAsync(holds.Min(entry => entry.Hold.ExpiresAt));
        var confirmations = holds.Select(async entry =>
        {
            try { return (entry.Hold, Sold: await seats.ConfirmHoldAsync(entry.Buyer, entry.Hold.HoldId, Guid.NewGuid())); }
            catch (ConflictException) { return (entry.Hold, Sold: (IReadOnlyList<string>?)null); }
        }).ToList();
        var rivals = holds.Select(async entry =>
        {
            try { return await seats.HoldSeatsAsync(Guid.NewGuid(), entry.Hold.Seats); }
            catch (SeatsUnavailableException) { return null; }
        }).ToList();
        var confirmed = await Task.WhenAll(confirmations);
        var rivalHolds = (await Task.WhenAll(rivals)).Where(hold => hold is not null).ToList();

        var soldSeats = confirmed.Where(outcome => outcome.Sold is not null).SelectMany(outcome => outcome.Sold!).ToHashSet();
        var rivalSeats = rivalHolds.SelectMany(hold => hold!.Seats).ToList();
        Assert.Empty(soldSeats.Intersect(rivalSeats));
        Assert.Equal(rivalSeats.Count, rivalSeats.Distinct().Count());
        var map = await seats.GetSeatMapAsync();
        Assert.All(map.Seats.Where(seat => soldSeats.Contains(seat.Seat)), seat => Assert.Equal(SeatStatus.Sold, seat.Status));
        ShowtimeSeatsGrainTests.AssertCounts(map, held: map.Seats.Count(seat => seat.Status == SeatStatus.Held), sold: soldSeats.Count);
    }

    // Holds expire by the clock; waiting for the clock is the behaviour under test, not a stand-in for synchronization.
    private static Task WaitPastAsync(DateTimeOffset instant) => WaitUntilAsync(instant.AddMilliseconds(50));

    private static async Task WaitUntilAsync(DateTimeOffset instant)
    {
        var remaining = instant - DateTimeOffset.UtcNow;
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining);
        }
    }
}
