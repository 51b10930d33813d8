using System.Net;
using Npgsql;

namespace Marquee.Api.Tests.Orders;

/// <summary>
/// When storage refuses an order's first write, nothing may answer 201 for it until it is durable:
/// a replay of the same Idempotency-Key must not be served from the memory of the failed attempt.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OrderStorageFailureTests(ApiFixture fixture)
{
    [Fact]
    public async Task AReplayAfterARefusedWriteIsNotAcknowledgedUntilTheOrderIsDurable()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var (userId, _, customer) = await scenario.CustomerAsync();
        var holdId = await scenario.HoldAsync(customer, "B8");
        var key = scenario.KeyFor(userId, approve: true);
        var body = new { showtimeId = scenario.ShowtimeId, holdId, tickets = new[] { new { seat = "B8", type = "full" } } };

        await using var database = NpgsqlDataSource.Create(fixture.Silo.ConnectionString);
        await RefuseOrderWritesAsync(database, refuse: true);
        HttpResponseMessage first, replay;
        try
        {
            first = await OrderScenario.OrderAsync(customer, key, body);
            replay = await OrderScenario.OrderAsync(customer, key, body);
        }
        finally
        {
            await RefuseOrderWritesAsync(database, refuse: false);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, replay.StatusCode);
        var retried = await OrderScenario.ReadAsync(await OrderScenario.OrderAsync(customer, key, body));
        var final = await OrderScenario.FinalAsync(customer, retried.GetProperty("id").GetGuid());
        Assert.Equal("Approved", final.GetProperty("status").GetString());
        Assert.Equal("sold", (await scenario.SeatStatusesAsync())["B8"]);
    }

    /// <summary>
    /// A trigger that makes PostgreSQL refuse every write of an order grain's state, with the error a
    /// server going down gives (57P01), as in the moment of a database outage.
    /// </summary>
    private static async Task RefuseOrderWritesAsync(NpgsqlDataSource database, bool refuse)
    {
        await using var command = database.CreateCommand(refuse
            ? """
              CREATE OR REPLACE FUNCTION test_refuse_order_writes() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN RAISE EXCEPTION 'order writes refused by the test' USING ERRCODE = '57P01'; END $$;
              CREATE TRIGGER test_refuse_order_writes BEFORE INSERT OR UPDATE ON orleans_storage
                  FOR EACH ROW WHEN (NEW.grain_type = 'order') EXECUTE FUNCTION test_refuse_order_writes();
              """
            : "DROP TRIGGER IF EXISTS test_refuse_order_writes ON orleans_storage; DROP FUNCTION IF EXISTS test_refuse_order_writes();");
        await command.ExecuteNonQueryAsync();
    }
}
