using Marquee.Operations.State;
using Marquee.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;

namespace Marquee.Silo.Tests;

[Collection(SiloCollection.Name)]
public sealed class GrainStorageTests(SiloFixture fixture)
{
    private const string GrainType = "canary";

    private IGrainStorage Storage => fixture.Silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Operations);

    [Fact]
    public async Task ConcurrentFirstWritesOfOneGrainLetExactlyOneWin()
    {
        var key = $"race-{Guid.NewGuid():N}";
        var grainId = GrainId.Create(GrainType, key);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Twenty activations that each believe no row exists yet (null ETag), released at once.
        var writers = Enumerable.Range(1, 20).Select(async touches =>
        {
            var state = new GrainState<CanaryState>(new CanaryState { Touches = touches });
            await start.Task;
            try
            {
                await Storage.WriteStateAsync(GrainType, grainId, state);
                return (Won: true, touches);
            }
            catch (InconsistentStateException)
            {
                return (Won: false, touches);
            }
        }).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(writers);

        var winner = Assert.Single(outcomes, outcome => outcome.Won);
        Assert.Equal(1, await CountRowsAsync(key));
        var stored = new GrainState<CanaryState>();
        await Storage.ReadStateAsync(GrainType, grainId, stored);
        Assert.Equal(winner.touches, stored.State!.Touches);
        Assert.Equal("1", stored.ETag);
    }

    [Fact]
    public async Task AWriteWithAStaleETagIsRefusedAndLeavesTheStoredStateAlone()
    {
        var grainId = GrainId.Create(GrainType, $"stale-{Guid.NewGuid():N}");
        var first = new GrainState<CanaryState>(new CanaryState { Touches = 1 });
        await Storage.WriteStateAsync(GrainType, grainId, first);
        var staleCopy = new GrainState<CanaryState>(new CanaryState { Touches = 99 }) { ETag = first.ETag, RecordExists = true };
        first.State!.Touches = 2;
        await Storage.WriteStateAsync(GrainType, grainId, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(GrainType, grainId, staleCopy));

        var stored = new GrainState<CanaryState>();
        await Storage.ReadStateAsync(GrainType, grainId, stored);
        Assert.Equal(2, stored.State!.Touches);
        Assert.Equal("2", stored.ETag);
    }

    [Fact]
    public async Task ClearedStateReadsBackAsDefaultAndCanBeWrittenAgain()
    {
        var grainId = GrainId.Create(GrainType, $"clear-{Guid.NewGuid():N}");
        var state = new GrainState<CanaryState>(new CanaryState { Touches = 5 });
        await Storage.WriteStateAsync(GrainType, grainId, state);

        await Storage.ClearStateAsync(GrainType, grainId, state);
        var afterClear = new GrainState<CanaryState>();
        await Storage.ReadStateAsync(GrainType, grainId, afterClear);
        Assert.False(afterClear.RecordExists);
        Assert.Equal(0, afterClear.State!.Touches);

        afterClear.State!.Touches = 7;
        await Storage.WriteStateAsync(GrainType, grainId, afterClear);
        var reread = new GrainState<CanaryState>();
        await Storage.ReadStateAsync(GrainType, grainId, reread);
        Assert.Equal(7, reread.State!.Touches);
    }

    private async Task<long> CountRowsAsync(string key)
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.Silo.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM orleans_storage WHERE grain_id_string = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
