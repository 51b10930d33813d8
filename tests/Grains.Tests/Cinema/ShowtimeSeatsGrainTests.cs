using Marquee.Cinema;
using Marquee.Common;
using Npgsql;

namespace Marquee.Grains.Tests.Cinema;

[Collection(ClusterCollection.Name)]
public sealed class ShowtimeSeatsGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    private async Task<IShowtimeSeatsGrain> NewShowtimeAsync()
    {
        var seats = Grains.GetGrain<IShowtimeSeatsGrain>(Guid.NewGuid());
        await seats.ConfigureAsync(Layouts.Standard());
        return seats;
    }

    [Fact]
    public async Task TwoHundredCallersOnOneSeatLeaveExactlyOneWinner()
    {
        var seats = await NewShowtimeAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, 200).Select(async _ =>
        {
            await start.Task;
            try
            {
                return (await seats.HoldSeatsAsync(Guid.NewGuid(), ["F7"])).HoldId;
            }
            catch (SeatsUnavailableException ex)
            {
                Assert.Equal(["F7"], ex.Seats);
                return (Guid?)null;
            }
        }).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(callers);

        Assert.Single(outcomes, outcome => outcome is not null);
        var map = await seats.GetSeatMapAsync();
        Assert.Equal(SeatStatus.Held, map.Seats.Single(seat => seat.Seat == "F7").Status);
        AssertCounts(map, held: 1, sold: 0);
    }

    [Fact]
    public async Task OverlappingMultiSeatHoldsAreAllOrNothing()
    {
        var seats = await NewShowtimeAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, 120).Select(async i =>
        {
            var first = 6 + (i % 18); // E6..E25 and their neighbours: heavy overlap
            string[] wanted = [$"E{first}", $"E{first + 1}", $"E{first + 2}"];
            await start.Task;
            try
            {
                var hold = await seats.HoldSeatsAsync(Guid.NewGuid(), wanted);
                Assert.Equal(wanted, hold.Seats);
                return hold.Seats;
            }
            catch (SeatsUnavailableException ex)
            {
                Assert.NotEmpty(ex.Seats);
                Assert.All(ex.Seats, seat => Assert.Contains(seat, wanted));
                return null;
            }
        }).ToList();
        start.SetResult();
        var winners = (await Task.WhenAll(callers)).Where(seatsHeld => seatsHeld is not null).SelectMany(seatsHeld => seatsHeld!).ToList();

        Assert.NotEmpty(winners);
        Assert.Equal(winners.Count, winners.Distinct().Count()); // no seat in two holds
        var map = await seats.GetSeatMapAsync();
        Assert.Equal(winners.Order(), map.Seats.Where(seat => seat.Status == SeatStatus.Held).Select(seat => seat.Seat).Order());
        AssertCounts(map, held: winners.Count, sold: 0);
    }

    [Fact]
    public async Task ConcurrentChangesShareStorageWrites()
    {
        var showtimeId = Guid.NewGuid();
        var seats = Grains.GetGrain<IShowtimeSeatsGrain>(showtimeId);
        await seats.ConfigureAsync(Layouts.Standard());
        var labels = Layouts.Standard().Seats.Where(seat => seat.Kind == SeatKind.Standard).Take(150).Select(seat => seat.Label).ToList();

        var holds = await Task.WhenAll(labels.Select(label => seats.HoldSeatsAsync(Guid.NewGuid(), [label])));

        Assert.Equal(150, holds.Length);
        // Far fewer writes than holds: every answer came after a write, shared.
        Assert.Equal(150, await JournalEventsAsync(showtimeId, "count(*)"));
        Assert.InRange(await JournalEventsAsync(showtimeId, "count(DISTINCT xmin::text)"), 1, 75);
    }

    [Fact]
    public async Task ASeatsHistoryTellsWhoHeldItWhoBoughtItAndWhen()
    {
        var seats = await NewShowtimeAsync();
        var (first, buyer, order) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var changedMind = await seats.HoldSeatsAsync(first, ["F7"]);
        await seats.ReleaseHoldAsync(first, changedMind.HoldId);
        var bought = await seats.HoldSeatsAsync(buyer, ["F7", "F8"]);
        await seats.AttachHoldAsync(buyer, bought.HoldId, order, ["F7", "F8"]);
        await seats.ConfirmHoldAsync(buyer, bought.HoldId, order);
        await seats.HoldSeatsAsync(Guid.NewGuid(), ["F9"]);

        var history = await seats.GetSeatHistoryAsync("f7");

        Assert.Equal([SeatEventKind.Held, SeatEventKind.Released, SeatEventKind.Held, SeatEventKind.AttachedToOrder, SeatEventKind.Sold],
            history.Select(entry => entry.Kind));
        Assert.Equal([first, first, buyer, buyer, buyer], history.Select(entry => entry.UserId!.Value));
        Assert.Equal([null, null, null, order, order], history.Select(entry => entry.OrderId));
        Assert.Equal(["F7", "F8"], history[^1].Seats);
        Assert.Equal(changedMind.ExpiresAt, history[0].ExpiresAt);
        Assert.True(history.Zip(history.Skip(1)).All(pair => pair.First.Sequence < pair.Second.Sequence && pair.First.At <= pair.Second.At));
        Assert.Equal((await seats.GetSeatMapAsync()).Version - 1, history[^1].Sequence);
        await Assert.ThrowsAsync<NotFoundException>(() => seats.GetSeatHistoryAsync("Z99"));
    }

    [Fact]
    public async Task AnActivationThatFindsItsNextEventWrittenElsewhereRefusesAndTheRetrySeesTheOtherWrite()
    {
        var showtimeId = Guid.NewGuid();
        var seats = Grains.GetGrain<IShowtimeSeatsGrain>(showtimeId);
        await seats.ConfigureAsync(Layouts.Standard());
        await seats.HoldSeatsAsync(Guid.NewGuid(), ["F6"]);
        // What a second activation of the same map (a duplicate after a partition, say) would have appended.
        await using (var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString))
        await using (var command = dataSource.CreateCommand("""
            INSERT INTO seat_events (showtime_id, sequence, occurred_at, kind, hold_id, user_id, seats, expires_at)
            VALUES ($1, 2, now(), 'held', $2, $3, '{F8}', now() + interval '10 minutes')
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = showtimeId });
            command.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
            command.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
            await command.ExecuteNonQueryAsync();
        }

        // This activation validated F8 against a map without that hold; storage refuses its write whole.
        await Assert.ThrowsAsync<Orleans.Storage.InconsistentStateException>(() => seats.HoldSeatsAsync(Guid.NewGuid(), ["F8"]));

        // The retry reaches an activation loaded from storage: F8 is the other one's, F7 is free as ever.
        var retried = await RetryWhileReloadingAsync(() => seats.HoldSeatsAsync(Guid.NewGuid(), ["F7"]));
        Assert.Equal(["F7"], retried.Seats);
        var map = await seats.GetSeatMapAsync();
        Assert.Equal(3, map.Version);
        Assert.Equal(SeatStatus.Held, map.Seats.Single(seat => seat.Seat == "F8").Status);
        await Assert.ThrowsAsync<SeatsUnavailableException>(() => seats.HoldSeatsAsync(Guid.NewGuid(), ["F8"]));
    }

    /// <summary>A poisoned activation answers "reloading" until it is gone; callers retry, as the API's clients do on 503.</summary>
    private static async Task<T> RetryWhileReloadingAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (TemporarilyUnavailableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    [Fact]
    public async Task AMapLeavingMemoryStoresASnapshotAndComesBackTheSame()
    {
        var showtimeId = Guid.NewGuid();
        var seats = Grains.GetGrain<IShowtimeSeatsGrain>(showtimeId);
        await seats.ConfigureAsync(Layouts.Standard());
        var buyer = Guid.NewGuid();
        var sold = await seats.HoldSeatsAsync(buyer, ["D10", "D11"]);
        await seats.ConfirmHoldAsync(buyer, sold.HoldId, Guid.NewGuid());
        await seats.HoldSeatsAsync(Guid.NewGuid(), ["E1"]);
        var before = await seats.GetSeatMapAsync();

        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Equal(before.Version, await JournalSnapshotAsync(showtimeId));
        var after = await seats.GetSeatMapAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Seats, after.Seats);
    }

    [Fact]
    public async Task HoldsAndSalesSurviveDeactivation()
    {
        var seats = await NewShowtimeAsync();
        var buyer = Guid.NewGuid();
        var sold = await seats.HoldSeatsAsync(buyer, ["D10", "D11"]);
        await seats.ConfirmHoldAsync(buyer, sold.HoldId, Guid.NewGuid());
        var held = await seats.HoldSeatsAsync(Guid.NewGuid(), ["d12"]);

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var map = await seats.GetSeatMapAsync();

        Assert.Equal(["D12"], held.Seats);
        Assert.Equal(SeatStatus.Sold, map.Seats.Single(seat => seat.Seat == "D10").Status);
        Assert.Equal(SeatStatus.Sold, map.Seats.Single(seat => seat.Seat == "D11").Status);
        Assert.Equal(SeatStatus.Held, map.Seats.Single(seat => seat.Seat == "D12").Status);
        AssertCounts(map, held: 1, sold: 2);
    }

    [Fact]
    public async Task OnlyTheOwnerReleasesAHold()
    {
        var seats = await NewShowtimeAsync();
        var owner = Guid.NewGuid();
        var hold = await seats.HoldSeatsAsync(owner, ["C1", "C2"]);

        await Assert.ThrowsAsync<NotFoundException>(() => seats.ReleaseHoldAsync(Guid.NewGuid(), hold.HoldId));
        AssertCounts(await seats.GetSeatMapAsync(), held: 2, sold: 0);
        await seats.ReleaseHoldAsync(owner, hold.HoldId);
        AssertCounts(await seats.GetSeatMapAsync(), held: 0, sold: 0);
    }

    [Fact]
    public async Task NobodyHoldsMoreThanTenSeatsOfAShowtime()
    {
        var seats = await NewShowtimeAsync();
        var user = Guid.NewGuid();
        await seats.HoldBestAvailableAsync(user, 6, SeatKind.Standard);
        await seats.HoldBestAvailableAsync(user, 4, SeatKind.Standard);

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => seats.HoldSeatsAsync(user, ["B1"]));
        Assert.Equal("seats", error.Field);
        AssertCounts(await seats.GetSeatMapAsync(), held: 10, sold: 0);
    }

    [Fact]
    public async Task ConfirmingIsIdempotentPerOrderAndRefundsPutSeatsBackOnSale()
    {
        var seats = await NewShowtimeAsync();
        var buyer = Guid.NewGuid();
        var order = Guid.NewGuid();
        var hold = await seats.HoldSeatsAsync(buyer, ["G5", "G6"]);

        var first = await seats.ConfirmHoldAsync(buyer, hold.HoldId, order);
        var again = await seats.ConfirmHoldAsync(buyer, hold.HoldId, order);
        AssertCounts(await seats.GetSeatMapAsync(), held: 0, sold: 2);
        await seats.ReleaseOrderAsync(order);
        await seats.ReleaseOrderAsync(order);

        Assert.Equal(first, again);
        AssertCounts(await seats.GetSeatMapAsync(), held: 0, sold: 0);
        Assert.Equal(["G5"], (await seats.HoldSeatsAsync(Guid.NewGuid(), ["G5"])).Seats);
    }

    [Fact]
    public async Task SomeoneElsesHoldCannotBeBought()
    {
        var seats = await NewShowtimeAsync();
        var hold = await seats.HoldSeatsAsync(Guid.NewGuid(), ["H1"]);

        await Assert.ThrowsAsync<ConflictException>(() => seats.ConfirmHoldAsync(Guid.NewGuid(), hold.HoldId, Guid.NewGuid()));
        AssertCounts(await seats.GetSeatMapAsync(), held: 1, sold: 0);
    }

    [Fact]
    public async Task UnknownAndBlockedSeatsAreUnavailable()
    {
        var seats = await NewShowtimeAsync();
        var error = await Assert.ThrowsAsync<SeatsUnavailableException>(() => seats.HoldSeatsAsync(Guid.NewGuid(), ["J15", "Z99", "B2"]));

        Assert.Equal(["J15", "Z99"], error.Seats);
        AssertCounts(await seats.GetSeatMapAsync(), held: 0, sold: 0);
    }

    internal static void AssertCounts(SeatMapSnapshot map, int held, int sold)
    {
        var byStatus = map.Seats.GroupBy(seat => seat.Status).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(held, byStatus.GetValueOrDefault(SeatStatus.Held));
        Assert.Equal(sold, byStatus.GetValueOrDefault(SeatStatus.Sold));
        Assert.Equal(map.Capacity, byStatus.GetValueOrDefault(SeatStatus.Held) + byStatus.GetValueOrDefault(SeatStatus.Sold) + byStatus.GetValueOrDefault(SeatStatus.Available));
    }

    private async Task<long?> JournalSnapshotAsync(Guid showtimeId)
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT sequence FROM seat_snapshots WHERE showtime_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = showtimeId });
        return await command.ExecuteScalarAsync() as long?;
    }

    /// <summary>An aggregate over the showtime's journal rows; rows written by one transaction share its <c>xmin</c>.</summary>
    private async Task<long> JournalEventsAsync(Guid showtimeId, string aggregate)
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var command = dataSource.CreateCommand($"SELECT {aggregate} FROM seat_events WHERE showtime_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = showtimeId });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
