using System.Diagnostics.Metrics;
using Marquee.ServiceDefaults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marquee.Silo.Hosting;

/// <summary>
/// Orders waiting in the dead letters (payment failed after every retry) as a gauge on every silo,
/// counted from the orders read model in the background so a scrape never waits on the database.
/// </summary>
public sealed partial class DeadLetterGauge : BackgroundService
{
    private readonly NpgsqlDataSource _database;
    private readonly IOptions<Marquee.Operations.ForecastOptions> _options;
    private readonly ILogger<DeadLetterGauge> _logger;
    private readonly Meter _meter;
    private long? _waiting;

    public DeadLetterGauge(NpgsqlDataSource database, IOptions<Marquee.Operations.ForecastOptions> options, IMeterFactory meters, ILogger<DeadLetterGauge> logger)
    {
        _database = database;
        _options = options;
        _logger = logger;
        _meter = meters.Create(Telemetry.MeterName);
        _meter.CreateObservableGauge("marquee.dead_letters.waiting", () => _waiting is { } waiting ? [new Measurement<long>(waiting)] : Array.Empty<Measurement<long>>(),
            unit: "{order}", description: "Orders dead-lettered (payment failed after every retry) and not yet retried or cancelled.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The forecast's refresh period: both are read-model counts an operator watches, not a hot path.
        var period = _options.Value.RefreshInterval > TimeSpan.Zero ? _options.Value.RefreshInterval : TimeSpan.FromSeconds(15);
        using var timer = new PeriodicTimer(period);
        do
        {
            try
            {
                await using var command = _database.CreateCommand("SELECT count(*) FROM orders WHERE dead_lettered");
                _waiting = (long)(await command.ExecuteScalarAsync(stoppingToken))!;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count the dead letters; the gauge keeps its last value.")]
    private partial void LogRefreshFailed(Exception exception);
}
