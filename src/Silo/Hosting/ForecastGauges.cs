using System.Diagnostics.Metrics;
using Marquee.Operations;
using Marquee.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Marquee.Silo.Hosting;

/// <summary>
/// Publishes the capacity forecast as Prometheus gauges on every silo, so an autoscaler can scale the
/// silos on <c>max(marquee_forecast_recommended_silos)</c> whichever silo it scrapes. The value is
/// polled from the forecast grain in the background: a scrape never waits on the cluster.
/// </summary>
public sealed partial class ForecastGauges : BackgroundService
{
    private readonly IGrainFactory _grains;
    private readonly IOptions<ForecastOptions> _options;
    private readonly ILogger<ForecastGauges> _logger;
    private readonly Meter _meter;
    private volatile CapacityForecast? _latest;

    public ForecastGauges(IGrainFactory grains, IOptions<ForecastOptions> options, IMeterFactory meters, ILogger<ForecastGauges> logger)
    {
        _grains = grains;
        _options = options;
        _logger = logger;
        _meter = meters.Create(Telemetry.MeterName);
        _meter.CreateObservableGauge("marquee.forecast.recommended_silos", () => Observe(forecast => forecast.RecommendedSilos),
            unit: "{silo}", description: "Silos needed for the peak request rate the demand forecast expects.");
        _meter.CreateObservableGauge("marquee.forecast.expected_seats_per_hour", () => Observe(forecast => forecast.ExpectedSeatsPerHour),
            unit: "{seat}/h", description: "Seat sales expected per hour from now, across upcoming showtimes.");
        _meter.CreateObservableGauge("marquee.forecast.peak_requests_per_second", () => Observe(forecast => forecast.PeakRequestsPerSecond),
            unit: "{request}/s", description: "API request rate the forecast expects at peak.");
    }

    private IEnumerable<Measurement<double>> Observe(Func<CapacityForecast, double> value) =>
        _latest is { } forecast ? [new Measurement<double>(value(forecast))] : [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = _options.Value.RefreshInterval > TimeSpan.Zero ? _options.Value.RefreshInterval : TimeSpan.FromSeconds(15);
        using var timer = new PeriodicTimer(period);
        do
        {
            try
            {
                _latest = await _grains.GetGrain<ICapacityForecastGrain>(0).GetAsync().WaitAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The gauge keeps its last value; an autoscaler should not react to a database blip.
                LogRefreshFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the capacity forecast; the gauges keep their last value.")]
    private partial void LogRefreshFailed(Exception exception);
}
