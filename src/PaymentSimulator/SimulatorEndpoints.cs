using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Marquee.PaymentSimulator;

/// <summary>
/// A payment provider stand-in: charges keyed by <c>Idempotency-Key</c> (a repeated key answers the
/// first decision and is never charged twice), configurable approval rate and latency, and faults on
/// demand for tests. State lives in memory; the process is the provider.
/// </summary>
public static class SimulatorEndpoints
{
    public static IServiceCollection AddPaymentSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(SimulatorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Ledger>();
        return services;
    }

    public static IEndpointRouteBuilder MapPaymentSimulator(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1");
        v1.MapPost("/charges", ChargeAsync);
        v1.MapGet("/charges/{key}", (string key, Ledger ledger) =>
            ledger.Charges.TryGetValue(key, out var charge) ? Results.Ok(charge) : Results.NotFound());
        v1.MapPost("/charges/{key}/refund", (string key, Ledger ledger) =>
            ledger.Charges.TryGetValue(key, out var charge)
                ? Results.Ok(ledger.Charges[key] = charge with { Status = charge.Status == "approved" ? "refunded" : charge.Status })
                : Results.NotFound());
        v1.MapGet("/stats", (Ledger ledger) => Results.Ok(new { charges = ledger.Charges.Count, attempts = ledger.Attempts, refunds = ledger.Charges.Values.Count(c => c.Status == "refunded") }));
        v1.MapPost("/faults", (FaultRequest request, Ledger ledger) =>
        {
            ledger.FailNext(request.FailNext);
            ledger.SlowNext(request.SlowNext, TimeSpan.FromMilliseconds(request.SlowByMilliseconds));
            if (request.FailAmountCents is { } failing) ledger.FailAmount(failing);
            if (request.RecoverAmountCents is { } recovered) ledger.RecoverAmount(recovered);
            return Results.NoContent();
        });
        return app;
    }

    private static async Task<IResult> ChargeAsync(HttpRequest http, ChargeRequest request, Ledger ledger, IOptionsMonitor<SimulatorOptions> options, CancellationToken cancellationToken)
    {
        var key = http.Headers["Idempotency-Key"].ToString();
        if (string.IsNullOrWhiteSpace(key) || request.AmountCents <= 0)
        {
            return Results.Problem(statusCode: 400, title: "Idempotency-Key and a positive amountCents are required.");
        }
        ledger.RecordAttempt();
        var settings = options.CurrentValue;
        await Task.Delay(ledger.TakeInjectedDelay() ?? settings.Latency, cancellationToken);
        if (ledger.TakeInjectedFault() || ledger.FailsAmount(request.AmountCents) || Random.Shared.NextDouble() < settings.FailureRate)
        {
            return Results.Problem(statusCode: 503, title: "Injected fault.");
        }
        var charge = ledger.Charges.GetOrAdd(key, _ => new Charge(
            $"ch_{Guid.NewGuid():N}", key, request.AmountCents, request.Currency ?? "BRL",
            Approves(key, settings) ? "approved" : "declined", DateTimeOffset.UtcNow));
        return Results.Ok(charge);
    }

    /// <summary>A stable decision per key: the same key is approved or declined in every process and on every retry.</summary>
    public static bool Approves(string key, SimulatorOptions settings)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{settings.Seed}:{key}"));
        return BitConverter.ToUInt32(hash, 0) / (double)uint.MaxValue < settings.ApprovalRate;
    }

    public sealed class Ledger
    {
        private int _attempts;
        private int _failNext;
        private readonly ConcurrentDictionary<long, byte> _failingAmounts = new();
        private int _slowNext;
        private TimeSpan _slowBy;

        public ConcurrentDictionary<string, Charge> Charges { get; } = new();

        public int Attempts => Volatile.Read(ref _attempts);

        public void RecordAttempt() => Interlocked.Increment(ref _attempts);

        public void FailNext(int count) => Interlocked.Exchange(ref _failNext, Math.Max(0, count));

        /// <summary>Every charge of exactly this amount fails until recovered: one test's orders fail, whatever else runs beside them.</summary>
        public void FailAmount(long amountCents) => _failingAmounts.TryAdd(amountCents, 0);

        public void RecoverAmount(long amountCents) => _failingAmounts.TryRemove(amountCents, out _);

        public bool FailsAmount(long amountCents) => _failingAmounts.ContainsKey(amountCents);

        public void SlowNext(int count, TimeSpan by)
        {
            _slowBy = by;
            Interlocked.Exchange(ref _slowNext, Math.Max(0, count));
        }

        /// <summary>True when this call should fail because a test asked for the next ones to.</summary>
        public bool TakeInjectedFault() => TakeOne(ref _failNext);

        /// <summary>The delay a test asked the next calls to take, if any.</summary>
        public TimeSpan? TakeInjectedDelay() => TakeOne(ref _slowNext) ? _slowBy : null;

        private static bool TakeOne(ref int counter)
        {
            while (true)
            {
                var left = Volatile.Read(ref counter);
                if (left <= 0) return false;
                if (Interlocked.CompareExchange(ref counter, left - 1, left) == left) return true;
            }
        }
    }

    public sealed record Charge(string ChargeId, string Key, long AmountCents, string Currency, string Status, DateTimeOffset At);

    public sealed record ChargeRequest(Guid OrderId, long AmountCents, string? Currency);

    /// <summary>
    /// The next <see cref="FailNext"/> calls answer 503; the next <see cref="SlowNext"/> take <see cref="SlowByMilliseconds"/>;
    /// charges of exactly <see cref="FailAmountCents"/> answer 503 until a request names it in <see cref="RecoverAmountCents"/>.
    /// </summary>
    public sealed record FaultRequest(int FailNext, int SlowNext, int SlowByMilliseconds, long? FailAmountCents = null, long? RecoverAmountCents = null);
}
