using Marquee.Operations;

namespace Marquee.Grains.Tests.Operations;

public sealed class DemandModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private static readonly ForecastOptions Options = new();

    private static UpcomingShowtime Showtime(double hoursAhead, int capacity = 200, double popularity = 50, int sold = 0, int recent = 0) =>
        new(Guid.NewGuid(), 603, "The Matrix", Now.AddHours(hoursAhead), capacity, popularity, sold, recent);

    [Fact]
    public void WithoutSalesThePopularityPriorDecides()
    {
        var popular = DemandModel.Estimate(Showtime(48, popularity: 80), maxPopularity: 80, Now, Options);
        var obscure = DemandModel.Estimate(Showtime(48, popularity: 0), maxPopularity: 80, Now, Options);

        Assert.Equal(160, popular.ExpectedSeats); // 200 × (0.10 + 0.70)
        Assert.Equal(20, obscure.ExpectedSeats);  // 200 × 0.10
        Assert.Equal(1.0, popular.PopularityShare);
        Assert.Equal(160 / 48.0, popular.ExpectedSeatsPerHourNow, precision: 6);
    }

    [Fact]
    public void EnoughRecentSalesAreProjectedToTheStartInsteadOfThePrior()
    {
        // 30 seats in the 6-hour window: 5 per hour, for 10 more hours, on top of the 40 sold.
        var demand = DemandModel.Estimate(Showtime(10, popularity: 0, sold: 40, recent: 30), maxPopularity: 80, Now, Options);

        Assert.Equal(5.0, demand.SeatsPerHour, precision: 6);
        Assert.Equal(90, demand.ExpectedSeats);
        Assert.Equal(5.0, demand.ExpectedSeatsPerHourNow, precision: 6);
    }

    [Fact]
    public void AFewSalesMoveTheEstimateOnlyPartWayFromThePrior()
    {
        // Trust 5/20: a quarter of the projection (5 + 5/6 × 12 = 15) and three quarters of the prior (20).
        var demand = DemandModel.Estimate(Showtime(12, popularity: 0, sold: 5, recent: 5), maxPopularity: 80, Now, Options);

        Assert.Equal(19, demand.ExpectedSeats); // ⌈3.75 + 15⌉
    }

    [Fact]
    public void TheEstimateStaysBetweenWhatIsSoldAndTheCapacity()
    {
        var rush = DemandModel.Estimate(Showtime(24, capacity: 100, sold: 90, recent: 120), maxPopularity: 50, Now, Options);
        var soldOut = DemandModel.Estimate(Showtime(24, capacity: 100, popularity: 0, sold: 100, recent: 0), maxPopularity: 50, Now, Options);

        Assert.Equal(100, rush.ExpectedSeats);
        Assert.Equal(100, soldOut.ExpectedSeats);
        Assert.Equal(0, soldOut.ExpectedSeatsPerHourNow);
    }

    [Fact]
    public void AShowtimeStartingWithinTheHourSellsItsRemainderWithinTheHour()
    {
        var demand = DemandModel.Estimate(Showtime(0.25, popularity: 50), maxPopularity: 50, Now, Options);

        Assert.Equal(demand.ExpectedSeats, demand.ExpectedSeatsPerHourNow, precision: 6);
    }

    [Fact]
    public void AQuietWeekKeepsTheMinimumAndAReleaseNightAsksForMoreSilos()
    {
        var quiet = DemandModel.Forecast([Showtime(72, popularity: 1)], Now, Options);
        // Forty full 300-seat premieres within the hour: 12,000 seats/h × 15 requests × 4 / 3600 = 200 req/s.
        var premieres = Enumerable.Range(0, 40).Select(_ => Showtime(0.5, capacity: 300, popularity: 90, sold: 0, recent: 6_000)).ToList();
        var releaseNight = DemandModel.Forecast(premieres, Now, new ForecastOptions { RequestsPerSiloPerSecond = 50 });

        Assert.Equal(Options.MinSilos, quiet.RecommendedSilos);
        Assert.Equal(12_000, releaseNight.ExpectedSeatsPerHour, precision: 6);
        Assert.Equal(200, releaseNight.PeakRequestsPerSecond, precision: 6);
        Assert.Equal(4, releaseNight.RecommendedSilos);
    }

    [Fact]
    public void TheTimelineDropsEachShowtimesDemandOnceItStarts()
    {
        var options = new ForecastOptions { Horizon = TimeSpan.FromHours(6), RequestsPerSiloPerSecond = 1, MinSilos = 1 };
        // Each sells 3,600 seats/h until it starts (60 requests/s at 1 request/s per silo: over the cap of 24).
        var inTwoHours = Showtime(2, capacity: 7_200, sold: 0, recent: 21_600);
        var inFourHours = Showtime(4, capacity: 14_400, sold: 0, recent: 21_600);

        var forecast = DemandModel.Forecast([inTwoHours, inFourHours], Now, options);

        Assert.Equal(Enumerable.Range(0, 6).Select(hour => Now.AddHours(hour)), forecast.Timeline.Select(point => point.At));
        Assert.Equal([7_200, 7_200, 3_600, 3_600, 0, 0], forecast.Timeline.Select(point => point.ExpectedSeatsPerHour));
        Assert.Equal([24, 24, 24, 24, 1, 1], forecast.Timeline.Select(point => point.RecommendedSilos));
        Assert.Equal(forecast.RecommendedSilos, forecast.Timeline[0].RecommendedSilos);
    }

    [Fact]
    public void TheRecommendationIsCappedAndTheListIsBusiestFirst()
    {
        var options = new ForecastOptions { RequestsPerSiloPerSecond = 1, MaxSilos = 6, ListedShowtimes = 2 };
        var later = Showtime(100, popularity: 10);
        var sooner = Showtime(2, popularity: 10);
        var middle = Showtime(20, popularity: 10);

        var forecast = DemandModel.Forecast([later, sooner, middle], Now, options);

        Assert.Equal(3, forecast.UpcomingShowtimes);
        Assert.Equal([sooner.Id, middle.Id], forecast.Busiest.Select(demand => demand.ShowtimeId));
        Assert.Equal(6, DemandModel.RecommendedSilos(1_000, options));
    }
}
