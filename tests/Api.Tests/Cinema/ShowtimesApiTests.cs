using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marquee.Api.Tests.Cinema;

[Collection(ApiCollection.Name)]
public sealed class ShowtimesApiTests(ApiFixture fixture)
{
    private const int Matrix = 603;        // 136 minutes in the fake TMDB
    private const int FightClub = 550;     // 139 minutes
    private static readonly TimeSpan SaoPaulo = TimeSpan.FromHours(-3);

    private static readonly object[] Plan =
    [
        new { row = "A", positions = "WWCC_SSSSSS_SS" },
        new { row = "B", positions = "SSSS_SSSSSS_SS" },
        new { row = "C", positions = "PPPP_PPXPPP_PP" },
    ];

    private readonly HttpClient _manager = fixture.CreateClient("manager");

    private static DateOnly Day(int daysAhead) => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(daysAhead));

    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => new(day.ToDateTime(new TimeOnly(hour, minute)), SaoPaulo);

    private async Task<(Guid Cinema, Guid Auditorium)> CreateAuditoriumAsync(object[]? plan = null)
    {
        var cinema = await _manager.PostAsJsonAsync("/api/v1/cinemas",
            new { name = $"Marquee {Guid.NewGuid():N}"[..20], neighbourhood = "Mooca", address = "Rua da Mooca, 1200" });
        var cinemaId = (await cinema.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var auditorium = await _manager.PostAsJsonAsync($"/api/v1/cinemas/{cinemaId}/auditoriums", new { name = "Sala 1", rows = plan ?? Plan });
        Assert.Equal(HttpStatusCode.Created, auditorium.StatusCode);
        return (cinemaId, (await auditorium.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    private Task<HttpResponseMessage> ScheduleAsync(Guid auditoriumId, DateTimeOffset startsAt, int movieId = Matrix, object? prices = null, string format = "2D") =>
        _manager.PostAsJsonAsync("/api/v1/showtimes", new
        {
            auditoriumId, movieId, startsAt, format, audio = "subtitled",
            prices = prices ?? new { standard = 3000, premium = 4501 },
        });

    [Fact]
    public async Task AManagerSchedulesAShowtimeThatEndsAfterTheRuntimeAndCleaning()
    {
        var (cinema, auditorium) = await CreateAuditoriumAsync();
        var startsAt = At(Day(5), 19);

        var response = await ScheduleAsync(auditorium, startsAt);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var showtime = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = showtime.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/showtimes/{id}", response.Headers.Location?.ToString());
        Assert.Equal(cinema, showtime.GetProperty("cinemaId").GetGuid());
        Assert.Equal("The Matrix", showtime.GetProperty("movieTitle").GetString());
        Assert.Equal(startsAt, showtime.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(startsAt.AddMinutes(136 + 20), showtime.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal(35, showtime.GetProperty("capacity").GetInt32());
        var prices = showtime.GetProperty("prices").EnumerateArray()
            .ToDictionary(price => price.GetProperty("seatKind").GetString()!, price => (price.GetProperty("fullCents").GetInt64(), price.GetProperty("halfCents").GetInt64()));
        Assert.Equal((3000, 1500), prices["standard"]);
        Assert.Equal((4501, 2251), prices["premium"]);
        Assert.Equal((3000, 1500), prices["wheelchair"]);
        Assert.Equal((3000, 1500), prices["companion"]);

        using var anonymous = fixture.CreateClient();
        Assert.Equal(id, (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/showtimes/{id}")).GetProperty("id").GetGuid());
        var seats = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/showtimes/{id}/seats");
        Assert.Equal(35, seats.GetProperty("capacity").GetInt32());
    }

    [Fact]
    public async Task OverlapsInOneAuditoriumAreRefusedWhileBackToBackAndOtherRoomsAreFine()
    {
        var (_, auditorium) = await CreateAuditoriumAsync();
        var (_, otherRoom) = await CreateAuditoriumAsync();
        var first = At(Day(6), 14);
        var scheduled = await ScheduleAsync(auditorium, first);
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var matrix = await scheduled.Content.ReadFromJsonAsync<JsonElement>();

        var overlapping = await ScheduleAsync(auditorium, first.AddMinutes(150), FightClub);
        var problem = await ProblemAssertions.AssertProblemAsync(overlapping, HttpStatusCode.Conflict);
        Assert.Contains("The Matrix", problem.GetProperty("detail").GetString());
        // What is in the way, for a client to show: the showtime it collides with.
        var conflicting = problem.GetProperty("conflictingShowtime");
        Assert.Equal(matrix.GetProperty("id").GetGuid(), conflicting.GetProperty("id").GetGuid());
        Assert.Equal("The Matrix", conflicting.GetProperty("movieTitle").GetString());
        Assert.Equal(first, conflicting.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(matrix.GetProperty("endsAt").GetDateTimeOffset(), conflicting.GetProperty("endsAt").GetDateTimeOffset());
        await ProblemAssertions.AssertProblemAsync(await ScheduleAsync(auditorium, first.AddMinutes(-100)), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.Created, (await ScheduleAsync(auditorium, first.AddMinutes(156), FightClub)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ScheduleAsync(otherRoom, first)).StatusCode);
    }

    [Fact]
    public async Task OfOverlappingShowtimesScheduledAtOnceExactlyOneIsAccepted()
    {
        var (cinema, auditorium) = await CreateAuditoriumAsync();
        var start = At(Day(7), 15);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => ScheduleAsync(auditorium, start.AddMinutes(i * 5)))));

        var answers = attempts.GroupBy(response => (int)response.StatusCode).OrderBy(group => group.Key).Select(group => $"{group.Key}x{group.Count()}");
        Assert.Equal("201x1 409x9", string.Join(' ', answers));
        var listed = await fixture.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/showtimes?cinemaId={cinema}&date={Day(7):yyyy-MM-dd}");
        Assert.Equal(1, listed.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task ShowtimesAreListedByCinemaMovieAndSaoPauloDayInStartOrder()
    {
        var (cinema, auditorium) = await CreateAuditoriumAsync();
        var day = Day(8);
        await ScheduleAsync(auditorium, At(day, 20), FightClub);
        await ScheduleAsync(auditorium, At(day, 14), Matrix);
        await ScheduleAsync(auditorium, At(day, 23, 30), Matrix);   // 02:30 UTC the next day, still this São Paulo day
        await ScheduleAsync(auditorium, At(day.AddDays(1), 14), Matrix);
        using var anonymous = fixture.CreateClient();

        async Task<List<DateTimeOffset>> StartsAsync(string query) =>
            (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/showtimes?cinemaId={cinema}&{query}")).GetProperty("data")
            .EnumerateArray().Select(showtime => showtime.GetProperty("startsAt").GetDateTimeOffset()).ToList();

        Assert.Equal([At(day, 14), At(day, 20), At(day, 23, 30)], await StartsAsync($"date={day:yyyy-MM-dd}"));
        Assert.Equal([At(day, 14), At(day, 23, 30)], await StartsAsync($"date={day:yyyy-MM-dd}&movieId={Matrix}"));
        Assert.Equal([At(day.AddDays(1), 14)], await StartsAsync($"date={day.AddDays(1):yyyy-MM-dd}"));
        Assert.Equal(4, (await StartsAsync("pageSize=100")).Count);
    }

    [Fact]
    public async Task InvalidShowtimesAre400ProblemsNamingTheField()
    {
        var (_, auditorium) = await CreateAuditoriumAsync();
        var start = At(Day(9), 14);

        async Task ExpectAsync(HttpResponseMessage response, string field)
        {
            var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").EnumerateObject().Any(error => error.Name.Contains(field, StringComparison.OrdinalIgnoreCase)),
                $"no error for {field}: {problem}");
        }

        await ExpectAsync(await ScheduleAsync(auditorium, start, prices: new { standard = 3000 }), "prices");
        await ExpectAsync(await ScheduleAsync(auditorium, start, prices: new { premium = 3000 }), "prices");
        await ExpectAsync(await ScheduleAsync(auditorium, start, prices: new { standard = 0, premium = 10 }), "standard");
        await ExpectAsync(await ScheduleAsync(auditorium, start, format: "4D"), "format");
        await ExpectAsync(await ScheduleAsync(auditorium, DateTimeOffset.UtcNow.AddHours(-1)), "startsAt");
        await ExpectAsync(await ScheduleAsync(auditorium, start, movieId: 2147483000), "movieId");
        await ExpectAsync(await ScheduleAsync(Guid.NewGuid(), start), "auditoriumId");
        await ProblemAssertions.AssertProblemAsync(await fixture.CreateClient().GetAsync("/api/v1/showtimes?date=2026-13-40"), HttpStatusCode.BadRequest);
        await ProblemAssertions.AssertProblemAsync(await fixture.CreateClient().GetAsync("/api/v1/showtimes?cinemaId=nope"), HttpStatusCode.BadRequest);
        await ProblemAssertions.AssertProblemAsync(await fixture.CreateClient().GetAsync($"/api/v1/showtimes/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.CreateClient("customer").PostAsJsonAsync("/api/v1/showtimes", new { })).StatusCode);
    }
}
