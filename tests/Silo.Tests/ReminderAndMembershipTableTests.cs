using Marquee.Testing;
using Npgsql;

namespace Marquee.Silo.Tests;

[Collection(SiloCollection.Name)]
public sealed class ReminderAndMembershipTableTests(SiloFixture fixture)
{
    [Fact]
    public async Task RemindersRoundTripAndDeleteOnlyWithTheCurrentETag()
    {
        var reminders = fixture.Silo.GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("canary", $"reminder-{Guid.NewGuid():N}");
        var entry = new ReminderEntry { GrainId = grainId, ReminderName = "sync", StartAt = DateTime.UtcNow, Period = TimeSpan.FromHours(2) };

        var firstETag = await reminders.UpsertRow(entry);
        var secondETag = await reminders.UpsertRow(entry);
        var read = await reminders.ReadRow(grainId, "sync");

        Assert.NotEqual(firstETag, secondETag);
        Assert.NotNull(read);
        Assert.Equal(TimeSpan.FromHours(2), read.Period);
        Assert.Equal(secondETag, read.ETag);
        Assert.Contains((await reminders.ReadRows(0, 0)).Reminders, row => row.GrainId == grainId);
        Assert.False(await reminders.RemoveRow(grainId, "sync", firstETag!));
        Assert.True(await reminders.RemoveRow(grainId, "sync", secondETag!));
        Assert.Empty((await reminders.ReadRows(grainId)).Reminders);
    }

    [Fact]
    public async Task DefunctSiloCleanupRemovesOnlyLongDeadSilos()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.Silo.ConnectionString);
        await using (var insert = dataSource.CreateCommand("""
            INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status,
                                            proxy_port, start_time, i_am_alive_at)
            VALUES ($1, '10.9.9.9', 1, 1, 'ghost', 'ghost', 6, 0, now() - interval '3 days', now() - interval '2 days')
            """))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = fixture.Silo.ClusterId });
            await insert.ExecuteNonQueryAsync();
        }

        var membership = fixture.Silo.GetRequiredService<IMembershipTable>();
        await membership.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow - TimeSpan.FromDays(1));

        var table = await membership.ReadAllAsync();
        Assert.DoesNotContain(table.Members, member => member.Item1.SiloName == "ghost");
        Assert.Contains(table.Members, member => member.Item1.Status == SiloStatus.Active);
    }
}
