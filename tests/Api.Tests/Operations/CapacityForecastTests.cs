using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marquee.Api.Tests.Orders;

namespace Marquee.Api.Tests.Operations;

[Collection(ApiCollection.Name)]
public sealed partial class CapacityForecastTests(ApiFixture fixture)
{
    [Fact]
    public async Task TheForecastCountsApprovedSeatsAsSoldAndEveryAttemptAsVelocity()
    {
        var scenario = await OrderScenario.CreateAsync(fixture, daysAhead: 1);
        var (userId, _, customer) = await scenario.CustomerAsync();
        await OrderSeatsAsync(scenario, customer, userId, approve: true, "B2", "B3");
        await OrderSeatsAsync(scenario, customer, userId, approve: false, "B4");

        var response = await scenario.Admin.GetAsync("/api/v1/admin/capacity-forecast");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forecast = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(7 * 24, forecast.GetProperty("horizonHours").GetDouble());
        Assert.True(forecast.GetProperty("recommendedSilos").GetInt32() >= 2);
        var showtime = forecast.GetProperty("busiest").EnumerateArray()
            .Single(demand => demand.GetProperty("showtimeId").GetGuid() == scenario.ShowtimeId);
        Assert.Equal(2, showtime.GetProperty("soldSeats").GetInt32());
        // Three seats asked for within the six-hour velocity window.
        Assert.Equal(0.5, showtime.GetProperty("seatsPerHour").GetDouble(), precision: 6);
        Assert.InRange(showtime.GetProperty("expectedSeats").GetInt32(), 2, showtime.GetProperty("capacity").GetInt32());
        Assert.Equal("The Matrix", showtime.GetProperty("movieTitle").GetString());
        // The recommendation over the horizon, an hour a point, starting with the current one.
        var timeline = forecast.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(7 * 24, timeline.Count);
        Assert.Equal(forecast.GetProperty("computedAt").GetDateTimeOffset(), timeline[0].GetProperty("at").GetDateTimeOffset());
        Assert.Equal(forecast.GetProperty("recommendedSilos").GetInt32(), timeline[0].GetProperty("recommendedSilos").GetInt32());
        Assert.Equal(TimeSpan.FromHours(1), timeline[1].GetProperty("at").GetDateTimeOffset() - timeline[0].GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task ShowtimesBeyondTheHorizonAreNotForecast()
    {
        var scenario = await OrderScenario.CreateAsync(fixture, daysAhead: 10);

        var forecast = await scenario.Admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/capacity-forecast");

        Assert.DoesNotContain(forecast.GetProperty("busiest").EnumerateArray(),
            demand => demand.GetProperty("showtimeId").GetGuid() == scenario.ShowtimeId);
    }

    [Fact]
    public async Task EverySiloPublishesTheRecommendationAsAPrometheusGauge()
    {
        using var scrape = new HttpClient { BaseAddress = fixture.Silo.HttpBaseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        Match gauge;
        // The gauge appears once the silo's first background refresh has answered.
        while (!(gauge = RecommendedSilosGauge().Match(await scrape.GetStringAsync("/metrics"))).Success && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(gauge.Success, "marquee_forecast_recommended_silos not published");
        Assert.True(double.Parse(gauge.Groups["value"].Value, CultureInfo.InvariantCulture) >= 2);
    }

    private static async Task OrderSeatsAsync(OrderScenario scenario, HttpClient customer, Guid userId, bool approve, params string[] seats)
    {
        var holdId = await scenario.HoldAsync(customer, seats);
        var created = await OrderScenario.ReadAsync(await OrderScenario.OrderAsync(customer, scenario.KeyFor(userId, approve), new
        {
            showtimeId = scenario.ShowtimeId, holdId,
            tickets = seats.Select(seat => new { seat, type = "full" }).ToArray(),
            items = Array.Empty<object>(),
        }));
        var final = await OrderScenario.FinalAsync(customer, created.GetProperty("id").GetGuid());
        Assert.Equal(approve ? "Approved" : "Refused", final.GetProperty("status").GetString());
    }

    [GeneratedRegex(@"^marquee_forecast_recommended_silos(?:\{[^}]*\})? (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex RecommendedSilosGauge();
}
