using Marquee.Cinema;
using Marquee.Cinema.State;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Marquee.Grains.Tests.Cinema;

/// <summary>How grain state sits in PostgreSQL: Orleans' binary format, with rows written as JSON before still readable.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StateFormatTests(ClusterFixture fixture)
{
    private IServiceProvider SiloServices => ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services;

    [Fact]
    public async Task ASeatMapIsStoredInOrleansBinaryFormat()
    {
        var showtimeId = Guid.NewGuid();
        await fixture.Cluster.GrainFactory.GetGrain<IShowtimeSeatsGrain>(showtimeId).ConfigureAsync(Layouts.Standard());

        var payload = await StoredPayloadAsync(showtimeId);

        Assert.NotEqual((byte)'{', payload[0]);
        var stored = SiloServices.GetRequiredService<Serializer>().Deserialize<SeatMapState>(payload);
        Assert.Equal(300, stored!.Seats.Count);
    }

    [Fact]
    public async Task ASeatMapStoredAsJsonBeforeTheSwitchStillLoadsAndIsRewrittenInBinary()
    {
        var showtimeId = Guid.NewGuid();
        var seats = fixture.Cluster.GrainFactory.GetGrain<IShowtimeSeatsGrain>(showtimeId);
        await seats.ConfigureAsync(Layouts.Standard());
        await seats.HoldSeatsAsync(Guid.NewGuid(), ["C3"]);
        // The same state, as Orleans' default JSON serializer wrote it before the switch.
        var state = SiloServices.GetRequiredService<Serializer>().Deserialize<SeatMapState>(await StoredPayloadAsync(showtimeId));
        var json = ActivatorUtilities.CreateInstance<JsonGrainStorageSerializer>(SiloServices).Serialize(state).ToArray();
        Assert.Equal((byte)'{', json[0]);
        await ReplacePayloadAsync(showtimeId, json);
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var reloaded = await seats.GetSeatMapAsync();
        Assert.Equal(SeatStatus.Held, reloaded.Seats.Single(seat => seat.Seat == "C3").Status);

        await seats.HoldSeatsAsync(Guid.NewGuid(), ["C4"]);
        Assert.NotEqual((byte)'{', (await StoredPayloadAsync(showtimeId))[0]);
    }

    private async Task<byte[]> StoredPayloadAsync(Guid showtimeId)
    {
        await using var database = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var command = database.CreateCommand("SELECT payload FROM orleans_storage WHERE grain_id_n0 = $1 AND grain_id_n1 = $2");
        AddKey(command, showtimeId);
        return (byte[])(await command.ExecuteScalarAsync())!;
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
