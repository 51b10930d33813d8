using Marquee.Cinema;
using Marquee.Cinema.State;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Marquee.Grains.Tests.Cinema;

/// <summary>
/// Seat maps stored whole (before the seat journal) move into the journal on their first activation,
/// holds, sales and version included, whichever format the row was written in.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WholeMapMigrationTests(ClusterFixture fixture)
{
    private IServiceProvider SiloServices => ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services;

    private IGrainStorage CinemaStorage => SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.Cinema);

    [Fact]
    public async Task GrainStateIsStoredInOrleansBinaryFormat()
    {
        var showtimeId = Guid.NewGuid();
        await StoreWholeAsync(showtimeId, WholeMap(out _, out _));

        var payload = await StoredPayloadAsync(showtimeId);

        Assert.NotEqual((byte)'{', payload![0]);
        Assert.Equal(300, SiloServices.GetRequiredService<Serializer>().Deserialize<SeatMapState>(payload)!.Seats.Count);
    }

    [Fact]
    public async Task AWholeSeatMapMovesIntoTheJournalWithItsHoldsSalesAndVersion()
    {
        var showtimeId = Guid.NewGuid();
        var map = WholeMap(out var holder, out var holdId);
        await StoreWholeAsync(showtimeId, map);

        await AssertMigratedAsync(showtimeId, holder, holdId);
    }

    [Fact]
    public async Task AWholeSeatMapWrittenAsJsonMovesIntoTheJournalToo()
    {
        var showtimeId = Guid.NewGuid();
        var map = WholeMap(out var holder, out var holdId);
        await StoreWholeAsync(showtimeId, map);
        // The same state, as Orleans' default JSON serializer wrote it before the switch to binary.
        var json = ActivatorUtilities.CreateInstance<JsonGrainStorageSerializer>(SiloServices).Serialize(map).ToArray();
        Assert.Equal((byte)'{', json[0]);
        await ReplacePayloadAsync(showtimeId, json);

        await AssertMigratedAsync(showtimeId, holder, holdId);
    }

    private async Task AssertMigratedAsync(Guid showtimeId, Guid holder, Guid holdId)
    {
        var seats = fixture.Cluster.GrainFactory.GetGrain<IShowtimeSeatsGrain>(showtimeId);

        var migrated = await seats.GetSeatMapAsync();
        Assert.Equal(37, migrated.Version);
        Assert.Equal(SeatStatus.Held, migrated.Seats.Single(seat => seat.Seat == "C3").Status);
        Assert.Equal(SeatStatus.Sold, migrated.Seats.Single(seat => seat.Seat == "D4").Status);
        Assert.Null(await StoredPayloadAsync(showtimeId));

        // The migrated hold is a hold like any other, and versions go on rising for viewers.
        await seats.ReleaseHoldAsync(holder, holdId);
        var next = await seats.HoldSeatsAsync(Guid.NewGuid(), ["C3"]);
        var after = await seats.GetSeatMapAsync();
        Assert.Equal(39, after.Version);
        Assert.Equal(next.HoldId, Assert.Single(await seats.GetSeatHistoryAsync("C3"), entry => entry.Kind == SeatEventKind.Held).HoldId);

        // And it reloads from the journal, not from the whole map.
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var reloaded = await seats.GetSeatMapAsync();
        Assert.Equal(after.Version, reloaded.Version);
        Assert.Equal(after.Seats, reloaded.Seats);
    }

    private static SeatMapState WholeMap(out Guid holder, out Guid holdId)
    {
        holder = Guid.NewGuid();
        holdId = Guid.NewGuid();
        var setup = Layouts.Standard();
        return new SeatMapState
        {
            Rows = [.. setup.RowsFrontToBack],
            Seats = [.. setup.Seats],
            Holds = { [holdId] = new HoldRecord(holder, ["C3"], DateTimeOffset.UtcNow.AddMinutes(10)) },
            Sales = { [Guid.NewGuid()] = new SaleRecord(Guid.NewGuid(), Guid.NewGuid(), ["D4"]) },
            Version = 37,
        };
    }

    private async Task StoreWholeAsync(Guid showtimeId, SeatMapState map)
    {
        var grainId = fixture.Cluster.GrainFactory.GetGrain<IShowtimeSeatsGrain>(showtimeId).GetGrainId();
        await CinemaStorage.WriteStateAsync("seats", grainId, new GrainState<SeatMapState>(map));
    }

    private async Task<byte[]?> StoredPayloadAsync(Guid showtimeId)
    {
        await using var database = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var command = database.CreateCommand("SELECT payload FROM orleans_storage WHERE grain_id_n0 = $1 AND grain_id_n1 = $2");
        AddKey(command, showtimeId);
        return await command.ExecuteScalarAsync() as byte[];
    }

    private async Task ReplacePayloadAsync(Guid showtimeId, byte[] payload)
    {
        await using var database = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var command = database.CreateCommand("UPDATE orleans_storage SET payload = $3 WHERE grain_id_n0 = $1 AND grain_id_n1 = $2");
        AddKey(command, showtimeId);
        command.Parameters.Add(new NpgsqlParameter { Value = payload });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static void AddKey(NpgsqlCommand command, Guid showtimeId)
    {
        var bytes = showtimeId.ToByteArray();
        command.Parameters.Add(new NpgsqlParameter { Value = BitConverter.ToInt64(bytes, 0) });
        command.Parameters.Add(new NpgsqlParameter { Value = BitConverter.ToInt64(bytes, 8) });
    }
}
