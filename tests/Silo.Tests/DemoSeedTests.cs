using Marquee.Testing;
using Npgsql;

namespace Marquee.Silo.Tests;

/// <summary>The demo seed as <c>./run.sh</c> uses it: a silo started with <c>Seed:Demo</c> on a fresh database.</summary>
public sealed class DemoSeedTests
{
    private static readonly Dictionary<string, string?> SeedSettings = new()
    {
        ["Seed:Demo"] = "true",
        ["Seed:DemoPassword"] = "Demo-Users-Pass-2026",
    };

    private static async Task<long> CountAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long[]> CountEverythingAsync(NpgsqlDataSource database) =>
    [
        await CountAsync(database, "SELECT count(*) FROM users WHERE email LIKE '%@marquee.local'"),
        await CountAsync(database, "SELECT count(*) FROM cinemas"),
        await CountAsync(database, "SELECT count(*) FROM auditoriums"),
        await CountAsync(database, "SELECT count(*) FROM showtimes"),
        await CountAsync(database, "SELECT count(*) FROM packages"),
        await CountAsync(database, "SELECT count(*) FROM subscriptions"),
        await CountAsync(database, "SELECT count(*) FROM watched"),
        await CountAsync(database, "SELECT count(*) FROM products"),
        await CountAsync(database, "SELECT count(*) FROM categories"),
    ];

    [Fact]
    public async Task AFreshDatabaseGetsTheDemoChainOnceEvenFromTwoSilosAndARestartAddsNothing()
    {
        var connectionString = await MigratedDatabase.CreateAsync("seed");
        await using var database = NpgsqlDataSource.Create(connectionString);
        var clusterId = $"seed-{Guid.NewGuid():N}";

        // Two silos of a fresh cluster, both told to seed, start at once: one seeds, the other waits and finds it done.
        var silos = await Task.WhenAll(
            InProcessSilo.StartAsync(connectionString, clusterId, SeedSettings),
            InProcessSilo.StartAsync(connectionString, clusterId, SeedSettings));
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }
        var first = await CountEverythingAsync(database);

        Assert.Equal(3, first[0]);
        Assert.Equal(1L, await CountAsync(database, "SELECT count(*) FROM users WHERE email = 'manager@marquee.local' AND 'manager' = ANY(roles)"));
        Assert.Equal(5, first[1]);
        Assert.Equal(12, first[2]);
        Assert.True(first[3] >= 12 * 6 * 3, $"only {first[3]} showtimes");
        Assert.Equal(6, first[4]);
        Assert.Equal(1, first[5]);
        Assert.Equal(2, first[6]);
        Assert.Equal(11, first[7]);
        Assert.Equal(4, first[8]);
        // A week from today in São Paulo; late in the evening today itself may have no session left.
        Assert.InRange(await CountAsync(database, "SELECT count(DISTINCT (starts_at AT TIME ZONE 'America/Sao_Paulo')::date) FROM showtimes"), 6, 7);
        Assert.Equal(6L, await CountAsync(database,
            "SELECT (max((starts_at AT TIME ZONE 'America/Sao_Paulo')::date) - (now() AT TIME ZONE 'America/Sao_Paulo')::date)::bigint FROM showtimes"));
        Assert.Equal(0L, await CountAsync(database, "SELECT count(*) FROM showtimes WHERE movie_id NOT IN (SELECT id FROM movies)"));

        await using (await InProcessSilo.StartAsync(connectionString, clusterId, SeedSettings))
        {
        }
        Assert.Equal(first, await CountEverythingAsync(database));
    }
}
