using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Marquee.Common;

/// <summary>
/// SPEC E's business metrics on the <c>Marquee</c> meter, exported on each silo's <c>/metrics</c>:
/// holds created, released and expired; orders by the status they finished in; payment calls by
/// outcome with their latency. Counted once the change is durable, so a refused write counts nothing.
/// </summary>
public sealed class BusinessMetrics
{
    /// <summary>The meter every Marquee process publishes its own metrics on (Telemetry.MeterName in ServiceDefaults).</summary>
    public const string MeterName = "Marquee";

    private readonly Counter<long> _holdsCreated;
    private readonly Counter<long> _holdsReleased;
    private readonly Counter<long> _holdsExpired;
    private readonly Counter<long> _ordersFinished;
    private readonly Histogram<double> _payments;

    public BusinessMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _holdsCreated = meter.CreateCounter<long>("marquee.holds.created", "{hold}", "Holds placed on seats.");
        _holdsReleased = meter.CreateCounter<long>("marquee.holds.released", "{hold}", "Holds given back by their owner or by their order.");
        _holdsExpired = meter.CreateCounter<long>("marquee.holds.expired", "{hold}", "Holds that ran out, or ended with the close of sales.");
        _ordersFinished = meter.CreateCounter<long>("marquee.orders.finished", "{order}", "Orders reaching a status, by status (Approved, Refused, Cancelled, Refunded, Failed).");
        _payments = meter.CreateHistogram("marquee.payment.duration", "s",
            "Payment provider charges, by outcome (approved, declined, unavailable), with how long each took, retries included.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
    }

    public void HoldCreated() => _holdsCreated.Add(1);

    public void HoldsReleased(int count) => _holdsReleased.Add(count);

    public void HoldsExpired(int count) => _holdsExpired.Add(count);

    public void OrderFinished(string status) => _ordersFinished.Add(1, new KeyValuePair<string, object?>("status", status));

    public void PaymentCharged(string outcome, TimeSpan took) => _payments.Record(took.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Times a charge and records its outcome: the provider's answer, or <c>unavailable</c> when it failed for good.</summary>
    public async Task<T> TimeChargeAsync<T>(Func<Task<T>> charge, Func<T, string> outcome)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await charge();
            PaymentCharged(outcome(result), Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch
        {
            PaymentCharged("unavailable", Stopwatch.GetElapsedTime(started));
            throw;
        }
    }
}
