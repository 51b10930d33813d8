using Marquee.Operations;
using Npgsql;

namespace Marquee.Grains.Tests.Operations;

[Collection(ClusterCollection.Name)]
public sealed class CanaryGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task TouchesSurviveDeactivation()
    {
        var name = $"persist-{Guid.NewGuid():N}";
        var canary = fixture.Cluster.GrainFactory.GetGrain<ICanaryGrain>(name);
        await canary.TouchAsync(2);
        await canary.TouchAsync(3);

        await fixture.Cluster.GrainFactory.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var report = await canary.ReadAsync();

        Assert.Equal(5, report.Touches);
        Assert.NotNull(report.LastTouchedAt);
        Assert.Equal(2, await StoredRowVersionAsync(name)); // two touches, two durable writes
    }

    [Fact]
    public async Task ConcurrentTouchesAreAllCounted()
    {
        var canary = fixture.Cluster.GrainFactory.GetGrain<ICanaryGrain>($"concurrent-{Guid.NewGuid():N}");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => canary.TouchAsync(1)));

        Assert.Equal(50, (await canary.ReadAsync()).Touches);
    }

    [Fact]
    public async Task ANonPositiveTouchIsRefusedAndChangesNothing()
    {
        var canary = fixture.Cluster.GrainFactory.GetGrain<ICanaryGrain>($"refuse-{Guid.NewGuid():N}");
        await canary.TouchAsync(1);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => canary.TouchAsync(0));

        Assert.Equal(1, (await canary.ReadAsync()).Touches);
    }

    private async Task<int> StoredRowVersionAsync(string name)
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT version FROM orleans_storage WHERE grain_id_string = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return (int)(await command.ExecuteScalarAsync() ?? -1);
    }
}
