using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Marquee.Orders;

public enum PaymentOutcome
{
    Approved = 0,
    Declined = 1,
}

/// <summary>The payment provider, an HTTP API. The order id is the idempotency key of every call.</summary>
public interface IPaymentProvider
{
    /// <exception cref="PaymentUnavailableException">after the last retry, or while the circuit is open.</exception>
    Task<PaymentOutcome> ChargeAsync(Guid orderId, long amountCents, string currency, CancellationToken cancellationToken = default);

    Task RefundAsync(Guid orderId, CancellationToken cancellationToken = default);
}

/// <summary>The provider could not be reached or kept failing; the order is dead-lettered, not guessed.</summary>
public sealed class PaymentUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Where the provider is and how hard to try (section <c>Payments</c>).</summary>
public sealed class PaymentOptions : Common.ResilientHttpOptions
{
    public const string Section = "Payments";

    public PaymentOptions()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(500);
        BreakDuration = TimeSpan.FromSeconds(15);
    }

    public override Uri BaseUrl { get; set; } = new("http://127.0.0.1:5190/");
}

/// <summary>Speaks the provider's (and the bundled simulator's) API; resilience comes from the HttpClient's handler.</summary>
public sealed partial class HttpPaymentProvider(HttpClient http, Common.BusinessMetrics metrics, ILogger<HttpPaymentProvider> logger) : IPaymentProvider
{
    public Task<PaymentOutcome> ChargeAsync(Guid orderId, long amountCents, string currency, CancellationToken cancellationToken = default) =>
        metrics.TimeChargeAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/charges")
            {
                Content = JsonContent.Create(new ChargeRequest(orderId, amountCents, currency)),
            };
            request.Headers.Add("Idempotency-Key", orderId.ToString());
            var body = await SendAsync<ChargeResponse>(request, cancellationToken);
            return string.Equals(body.Status, "approved", StringComparison.OrdinalIgnoreCase) ? PaymentOutcome.Approved : PaymentOutcome.Declined;
        }, outcome => outcome == PaymentOutcome.Approved ? "approved" : "declined");

    public async Task RefundAsync(Guid orderId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"v1/charges/{orderId}/refund"));
        request.Headers.Add("Idempotency-Key", $"{orderId}-refund");
        await SendAsync<ChargeResponse>(request, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused((int)response.StatusCode, request.RequestUri?.ToString());
                throw new PaymentUnavailableException($"The payment provider answered {(int)response.StatusCode}.");
            }
            return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
                ?? throw new PaymentUnavailableException("The payment provider sent an empty answer.");
        }
        catch (Exception ex) when (ex is HttpRequestException or BrokenCircuitException or TimeoutRejectedException or System.Text.Json.JsonException
                                       || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new PaymentUnavailableException("The payment provider could not be reached.", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment provider answered {Status} for {Uri}")]
    private partial void LogRefused(int status, string? uri);

    private sealed record ChargeRequest(Guid OrderId, long AmountCents, string Currency);

    private sealed record ChargeResponse(string? ChargeId, string Status);
}
