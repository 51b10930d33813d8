using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marquee.Cinema;
using Marquee.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marquee.Api.Tests.Cinema;

[Collection(ApiCollection.Name)]
public sealed class SeatMapApiTests(ApiFixture fixture)
{
    private readonly IdentityClient _identity = new(fixture);

    /// <summary>A showtime seat map configured straight on the cluster (scheduling endpoints come with the cinema catalog).</summary>
    private async Task<Guid> NewShowtimeAsync(DateTimeOffset? startsAt = null)
    {
        var id = Guid.NewGuid();
        var rows = new[] { "A", "B", "C", "D", "E", "F" };
        var seats = rows.SelectMany(row => Enumerable.Range(1, 10).Select(n => new SeatDefinition(row, n, n + (n > 5 ? 1 : 0), SeatKind.Standard))).ToList();
        await fixture.Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IShowtimeSeatsGrain>(id).ConfigureAsync(new SeatMapSetup(rows, seats, startsAt));
        return id;
    }

    [Fact]
    public async Task AShowtimeThatStartedOverFifteenMinutesAgoSaysSalesClosedAndRefusesHoldsWith409()
    {
        var id = await NewShowtimeAsync(startsAt: DateTimeOffset.UtcNow.AddMinutes(-16));
        using var customer = await CustomerAsync();

        var map = await fixture.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/showtimes/{id}/seats");
        var hold = await customer.PostAsJsonAsync($"/api/v1/showtimes/{id}/holds", new { seats = new[] { "A1" } });

        Assert.False(map.GetProperty("salesOpen").GetBoolean());
        var problem = await hold.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Sales for this showtime have closed.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AShowtimeStillSellingSaysSo()
    {
        var id = await NewShowtimeAsync(startsAt: DateTimeOffset.UtcNow.AddMinutes(-14));

        var map = await fixture.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/showtimes/{id}/seats");

        Assert.True(map.GetProperty("salesOpen").GetBoolean());
    }

    [Fact]
    public async Task StaffReadWhoHeldASeatAndWhenFromItsJournal()
    {
        var showtime = await NewShowtimeAsync();
        var (customerId, email) = await _identity.RegisterAsync();
        using var customer = await _identity.SignedInAsync(email);
        var hold = await (await customer.PostAsJsonAsync($"/api/v1/showtimes/{showtime}/holds", new { seats = new[] { "C3" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        await customer.DeleteAsync($"/api/v1/showtimes/{showtime}/holds/{hold.GetProperty("holdId").GetGuid()}");
        using var manager = fixture.CreateClient("manager");

        var history = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/showtimes/{showtime}/seats/c3/history");

        Assert.Equal("C3", history.GetProperty("seat").GetString());
        var events = history.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["held", "released"], events.Select(entry => entry.GetProperty("kind").GetString()));
        Assert.All(events, entry => Assert.Equal(customerId, entry.GetProperty("userId").GetGuid()));
        Assert.All(events, entry => Assert.Equal(email, entry.GetProperty("userEmail").GetString()));
        Assert.Equal(hold.GetProperty("expiresAt").GetDateTimeOffset(), events[0].GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(2, events[1].GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task ASeatsHistoryIsForStaffAndNamesWhatIsWrongWithTheSeat()
    {
        var showtime = await NewShowtimeAsync();
        using var customer = await CustomerAsync();
        using var manager = fixture.CreateClient("manager");

        await (await customer.GetAsync($"/api/v1/showtimes/{showtime}/seats/C3/history")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.GetAsync($"/api/v1/showtimes/{showtime}/seats/Z99/history")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"/api/v1/showtimes/{Guid.NewGuid()}/seats/C3/history")).AssertProblemAsync(HttpStatusCode.NotFound);
        var malformed = await (await manager.GetAsync($"/api/v1/showtimes/{showtime}/seats/C-3/history")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(malformed.GetProperty("errors").TryGetProperty("seat", out _));
    }

    private async Task<HttpClient> CustomerAsync()
    {
        var (_, email) = await _identity.RegisterAsync();
        return await _identity.SignedInAsync(email);
    }

    [Fact]
    public async Task TheSeatMapIsPublicAndRevalidatesWithItsETag()
    {
        var showtime = await NewShowtimeAsync();
        using var anonymous = fixture.CreateClient();

        var first = await anonymous.GetAsync($"/api/v1/showtimes/{showtime}/seats");
        var etag = first.Headers.ETag!;
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/showtimes/{showtime}/seats") { Headers = { IfNoneMatch = { etag } } };
        var unchanged = await anonymous.SendAsync(revalidate);
        await (await CustomerAsync()).PostAsJsonAsync($"/api/v1/showtimes/{showtime}/holds", new { seats = new[] { "C3" } });
        using var afterHold = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/showtimes/{showtime}/seats") { Headers = { IfNoneMatch = { etag } } };
        var changed = await anonymous.SendAsync(afterHold);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var map = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(showtime, map.GetProperty("showtimeId").GetGuid());
        Assert.Equal(60, map.GetProperty("capacity").GetInt32());
        var c3 = map.GetProperty("seats").EnumerateArray().Single(seat => seat.GetProperty("seat").GetString() == "C3");
        Assert.Equal("C", c3.GetProperty("row").GetString());
        Assert.Equal(3, c3.GetProperty("number").GetInt32());
        Assert.Equal("standard", c3.GetProperty("kind").GetString());
        Assert.Equal("available", c3.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        var held = (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seats").EnumerateArray().Single(seat => seat.GetProperty("seat").GetString() == "C3");
        Assert.Equal("held", held.GetProperty("status").GetString());
    }

    [Fact]
    public async Task EachSeatCarriesItsZeroBasedColumnSoGapsCanBeDrawn()
    {
        // Layout columns 1..5, an aisle at 6, then 7..11: 0-based on the wire, 0..4 and 6..10.
        var showtime = await NewShowtimeAsync();
        using var anonymous = fixture.CreateClient();

        var map = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/showtimes/{showtime}/seats");

        var columns = map.GetProperty("seats").EnumerateArray()
            .Where(seat => seat.GetProperty("row").GetString() == "D")
            .ToDictionary(seat => seat.GetProperty("number").GetInt32(), seat => seat.GetProperty("column").GetInt32());
        Assert.Equal(0, columns[1]);
        Assert.Equal(4, columns[5]);
        Assert.Equal(6, columns[6]);
        Assert.Equal(10, columns[10]);
    }

    [Fact]
    public async Task AnUnknownShowtimeIs404()
    {
        using var anonymous = fixture.CreateClient();
        await (await anonymous.GetAsync($"/api/v1/showtimes/{Guid.NewGuid()}/seats")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AHoldOfTakenSeatsIs409NamingThemAndHoldsNothing()
    {
        var showtime = await NewShowtimeAsync();
        var first = await (await CustomerAsync()).PostAsJsonAsync($"/api/v1/showtimes/{showtime}/holds", new { seats = new[] { "F7", "F8" } });
        var second = await (await CustomerAsync()).PostAsJsonAsync($"/api/v1/showtimes/{showtime}/holds", new { seats = new[] { "F8", "F9" } });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var hold = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["F7", "F8"], hold.GetProperty("seats").EnumerateArray().Select(seat => seat.GetString()));
        Assert.True(hold.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(9));
        var problem = await second.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["F8"], problem.GetProperty("seats").EnumerateArray().Select(seat => seat.GetString()));
        using var anonymous = fixture.CreateClient();
        var map = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/showtimes/{showtime}/seats");
        Assert.Equal("available", map.GetProperty("seats").EnumerateArray().Single(seat => seat.GetProperty("seat").GetString() == "F9").GetProperty("status").GetString());
    }

    [Fact]
    public async Task BestAvailableHoldsAdjacentSeatsInTheBestRow()
    {
        var showtime = await NewShowtimeAsync();
        var response = await (await CustomerAsync()).PostAsJsonAsync($"/api/v1/showtimes/{showtime}/holds", new { quantity = 2, seatKind = "standard" });

        var hold = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        // Six rows: the best is D (60% back). The centre aisle splits D after seat 5, so the nearest
        // adjacent pair hugs the aisle on one side; D5 and D6 are not together.
        var seats = hold.GetProperty("seats").EnumerateArray().Select(seat => seat.GetString()).Order().ToList();
        Assert.Contains(string.Join(",", seats), new[] { "D4,D5", "D6,D7" });
    }

    [Theory]
    [InlineData("{\"seats\":[\"A1\"],\"quantity\":1}")]
    [InlineData("{}")]
    [InlineData("{\"quantity\":11}")]
    [InlineData("{\"seats\":[\"DROP TABLE\"]}")]
    [InlineData("{\"quantity\":2,\"seatKind\":\"balcony\"}")]
    [InlineData("{\"seats\":[null]}")]
    public async Task MalformedHoldRequestsAre400Problems(string body)
    {
        var showtime = await NewShowtimeAsync();
        var response = await (await CustomerAsync()).PostAsync($"/api/v1/showtimes/{showtime}/holds", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task HoldingNeedsAnAccountAndOnlyTheOwnerReleases()
    {
        var showtime = await NewShowtimeAsync();
        using var anonymous = fixture.CreateClient();
        var owner = await CustomerAsync();
        var hold = await (await owner.PostAsJsonAsync($"/api/v1/showtimes/{showtime}/holds", new { seats = new[] { "B2" } })).Content.ReadFromJsonAsync<JsonElement>();
        var holdId = hold.GetProperty("holdId").GetGuid();

        await (await anonymous.PostAsJsonAsync($"/api/v1/showtimes/{showtime}/holds", new { seats = new[] { "B3" } })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await (await CustomerAsync()).DeleteAsync($"/api/v1/showtimes/{showtime}/holds/{holdId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/showtimes/{showtime}/holds/{holdId}")).StatusCode);
        var map = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/showtimes/{showtime}/seats");
        Assert.Equal("available", map.GetProperty("seats").EnumerateArray().Single(seat => seat.GetProperty("seat").GetString() == "B2").GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheLiveStreamStartsWithASnapshotAndPushesEachChange()
    {
        var showtime = await NewShowtimeAsync();
        using var viewer = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/showtimes/{showtime}/seats/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await viewer.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(body);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var snapshot = await reader.NextEventAsync(patience.Token);
        await (await CustomerAsync()).PostAsJsonAsync($"/api/v1/showtimes/{showtime}/holds", new { seats = new[] { "E4", "E5" } });
        var change = await reader.NextEventAsync(patience.Token);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("snapshot", snapshot.Event);
        Assert.Equal(60, snapshot.Data.GetProperty("seats").GetArrayLength());
        Assert.Equal("seats", change.Event);
        Assert.True(change.Data.GetProperty("version").GetInt64() > snapshot.Data.GetProperty("version").GetInt64());
        Assert.Equal(["E4", "E5"], change.Data.GetProperty("seats").EnumerateArray().Select(seat => seat.GetProperty("seat").GetString()).Order());
        Assert.All(change.Data.GetProperty("seats").EnumerateArray(), seat => Assert.Equal("held", seat.GetProperty("status").GetString()));
    }
}
