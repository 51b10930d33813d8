using Marquee.Cinema;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Api.Tests.Orders;
using Marquee.Identity;
using Npgsql;

namespace Marquee.Api.Tests;

/// <summary>
/// One rule for every stateful grain: a change counts once storage took it. Storage is made to refuse
/// one grain type's writes (the error a database going away gives), a call fails, storage comes back,
/// and the retry must get the answer the first call would have given, with nothing half-applied and
/// nothing served from the memory of the refused attempt.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RefusedWriteTests(ApiFixture fixture)
{
    private readonly IdentityClient _identity = new(fixture);

    [Fact]
    public async Task ARefreshRefusedByStorageCanBeRetriedWithTheSameToken()
    {
        var (_, email) = await _identity.RegisterAsync();
        var tokens = await _identity.LoginOkAsync(email);

        await using (await RefuseWritesAsync("refresh"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _identity.RefreshAsync(tokens.RefreshToken)).StatusCode);
        }

        var retried = await _identity.RefreshAsync(tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        // Rotation still holds: the token just used is spent, and presenting it again is reuse.
        Assert.Equal(HttpStatusCode.Unauthorized, (await _identity.RefreshAsync(tokens.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task AProfileChangeStorageRefusedIsNotServedAfterwards()
    {
        var (_, email) = await _identity.RegisterAsync();
        using var client = await _identity.SignedInAsync(email);

        await using (await RefuseWritesAsync("user"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.PatchAsJsonAsync("/api/v1/users/me", new { displayName = "Nome Novo" })).StatusCode);
        }

        Assert.Equal("Test User", (await client.GetFromJsonAsync<JsonElement>("/api/v1/users/me")).GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync("/api/v1/users/me", new { displayName = "Nome Novo" })).StatusCode);
        Assert.Equal("Nome Novo", (await client.GetFromJsonAsync<JsonElement>("/api/v1/users/me")).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task ARegistrationStorageRefusedCanBeRetriedWithTheSameEmail()
    {
        var email = IdentityClient.NewEmail("refused");
        var body = new { email, password = IdentityClient.Password, displayName = "Retry" };

        await using (await RefuseWritesAsync("user"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _identity.Anonymous.PostAsJsonAsync("/api/v1/auth/register", body)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await _identity.Anonymous.PostAsJsonAsync("/api/v1/auth/register", body)).StatusCode);
        await _identity.LoginOkAsync(email);
    }

    [Fact]
    public async Task AnEmailClaimStorageRefusedLeavesTheAddressUnclaimed()
    {
        var owner = fixture.Grains.GetGrain<IEmailOwnerGrain>(EmailAddress.Normalize(IdentityClient.NewEmail("claim")));

        await using (await RefuseWritesAsync("email"))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => owner.ClaimAsync(Guid.NewGuid()));
        }

        Assert.Null(await owner.GetOwnerAsync());
    }

    [Fact]
    public async Task AnExternalLoginStorageRefusedDropsItsActivation()
    {
        var login = fixture.Grains.GetGrain<IExternalLoginGrain>($"google:refused-{Guid.NewGuid():N}");
        var identity = new ExternalIdentity("google", $"refused-{Guid.NewGuid():N}", IdentityClient.NewEmail("google"), true, "Google User");

        await using (await RefuseWritesAsync("external"))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => login.SignInAsync(identity));
        }

        await WaitUntilDeactivatedAsync(login.GetGrainId());
        var profile = await login.SignInAsync(identity);
        Assert.Equal(identity.Email, profile.Email);
    }

    [Fact]
    public async Task ACinemaStorageRefusedCanBeCreatedAgainUnderItsName()
    {
        using var manager = fixture.CreateClient("manager");
        var body = new { name = $"Recusado {Guid.NewGuid():N}"[..24], neighbourhood = "Lapa", address = "Rua Guaicurus, 10" };

        await using (await RefuseWritesAsync("cinema"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await manager.PostAsJsonAsync("/api/v1/cinemas", body)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync("/api/v1/cinemas", body)).StatusCode);
    }

    [Theory]
    [InlineData("cinema")]
    [InlineData("auditorium")]
    public async Task AnAuditoriumStorageRefusedIsCreatedOnceByTheRetry(string refusedGrain)
    {
        using var manager = fixture.CreateClient("manager");
        var cinema = await OrderScenario.ReadAsync(await manager.PostAsJsonAsync("/api/v1/cinemas",
            new { name = $"Salas {Guid.NewGuid():N}"[..22], neighbourhood = "Lapa", address = "Rua Guaicurus, 10" }));
        var auditoriums = $"/api/v1/cinemas/{cinema.GetProperty("id").GetGuid()}/auditoriums";
        var body = new { name = "Sala Recusada", rows = new[] { new { row = "A", positions = "SSSS" } } };

        await using (await RefuseWritesAsync(refusedGrain))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await manager.PostAsJsonAsync(auditoriums, body)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync(auditoriums, body)).StatusCode);
        var listed = await manager.GetFromJsonAsync<JsonElement>(auditoriums);
        Assert.Single(listed.GetProperty("data").EnumerateArray(), auditorium => auditorium.GetProperty("name").GetString() == "Sala Recusada");
        // The same name with another plan is a different auditorium: refused.
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync(auditoriums,
            new { name = "Sala Recusada", rows = new[] { new { row = "A", positions = "PPPP" } } })).StatusCode);
    }

    [Fact]
    public async Task ACanaryTouchStorageRefusedIsNotCounted()
    {
        using var admin = fixture.CreateClient("admin");
        var canary = $"/api/v1/admin/canaries/refused-{Guid.NewGuid():N}";
        (await admin.PostAsJsonAsync($"{canary}/touches", new { count = 1 })).EnsureSuccessStatusCode();

        await using (await RefuseWritesAsync("canary"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await admin.PostAsJsonAsync($"{canary}/touches", new { count = 5 })).StatusCode);
        }

        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>(canary)).GetProperty("touches").GetInt64());
    }

    [Fact]
    public async Task AHoldStorageRefusedLeavesTheSeatFreeForTheRetry()
    {
        var scenario = await OrderScenario.CreateAsync(fixture);
        var (_, _, customer) = await scenario.CustomerAsync();
        var hold = $"/api/v1/showtimes/{scenario.ShowtimeId}/holds";

        await using (await RefuseWritesAsync("seat_events", $"WHEN (NEW.showtime_id = '{scenario.ShowtimeId}')"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await customer.PostAsJsonAsync(hold, new { seats = new[] { "B6" } })).StatusCode);
            await WaitUntilDeactivatedAsync(fixture.Grains.GetGrain<IShowtimeSeatsGrain>(scenario.ShowtimeId).GetGrainId());
            // Nobody is shown what storage refused.
            var map = await fixture.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/showtimes/{scenario.ShowtimeId}/seats");
            Assert.Equal("available", map.GetProperty("seats").EnumerateArray().Single(seat => seat.GetProperty("seat").GetString() == "B6").GetProperty("status").GetString());
        }

        Assert.Equal(HttpStatusCode.Created, (await customer.PostAsJsonAsync(hold, new { seats = new[] { "B6" } })).StatusCode);
    }

    private async Task WaitUntilDeactivatedAsync(GrainId grain)
    {
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await management.GetDetailedGrainStatistics()).Any(statistic => statistic.GrainId == grain))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{grain} is still active after its write was refused");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// A trigger that makes PostgreSQL refuse every write of one grain type's state with the error a
    /// server going down gives (57P01); disposing it lets writes through again.
    /// </summary>
    private Task<IAsyncDisposable> RefuseWritesAsync(string grainType) =>
        RefuseWritesAsync("orleans_storage", $"WHEN (NEW.grain_type = '{grainType}')");

    /// <summary>The same refusal on any table (the seat journal's, say), for the rows <paramref name="condition"/> picks.</summary>
    private async Task<IAsyncDisposable> RefuseWritesAsync(string table, string condition)
    {
        var database = NpgsqlDataSource.Create(fixture.Silo.ConnectionString);
        await using (var create = database.CreateCommand($"""
            CREATE OR REPLACE FUNCTION test_refuse_writes() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'writes refused by the test' USING ERRCODE = '57P01'; END $$;
            CREATE TRIGGER test_refuse_writes BEFORE INSERT OR UPDATE ON {table}
                FOR EACH ROW {condition} EXECUTE FUNCTION test_refuse_writes();
            """))
        {
            await create.ExecuteNonQueryAsync();
        }
        return new Refusal(database, table);
    }

    private sealed class Refusal(NpgsqlDataSource database, string table) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var drop = database.CreateCommand($"DROP TRIGGER IF EXISTS test_refuse_writes ON {table}; DROP FUNCTION IF EXISTS test_refuse_writes();"))
            {
                await drop.ExecuteNonQueryAsync();
            }
            await database.DisposeAsync();
        }
    }
}
