using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Marquee.Common;

/// <summary>How hard to try a remote HTTP dependency: timeouts, jittered retries and a circuit breaker.</summary>
public abstract class ResilientHttpOptions
{
    [Required]
    public abstract Uri BaseUrl { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 10)]
    public int MaxRetries { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(2, 1000)]
    public int BreakerMinimumThroughput { get; set; } = 10;

    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;
}

public static class ResilientHttp
{
    /// <summary>
    /// A typed client at <see cref="ResilientHttpOptions.BaseUrl"/> behind .NET's standard resilience
    /// handler, tuned by <typeparamref name="TOptions"/>. Retries honour a 429's Retry-After.
    /// </summary>
    public static IHttpClientBuilder AddResilientHttpClient<TClient, TImplementation, TOptions>(
        this IServiceCollection services, Action<HttpClient, TOptions>? configure = null)
        where TClient : class
        where TImplementation : class, TClient
        where TOptions : ResilientHttpOptions
    {
        var builder = services.AddHttpClient<TClient, TImplementation>((provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<TOptions>>().Value;
            http.BaseAddress = options.BaseUrl;
            // The resilience handler owns timing; HttpClient's own 100 s timeout would only get in its way.
            http.Timeout = Timeout.InfiniteTimeSpan;
            configure?.Invoke(http, options);
        });
        builder.AddStandardResilienceHandler().Configure((resilience, provider) =>
        {
            var options = provider.GetRequiredService<IOptions<TOptions>>().Value;
            resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
            resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
            resilience.Retry.MaxRetryAttempts = options.MaxRetries;
            resilience.Retry.Delay = options.RetryBaseDelay;
            resilience.Retry.UseJitter = true;
            resilience.Retry.ShouldRetryAfterHeader = true;
            resilience.CircuitBreaker.MinimumThroughput = options.BreakerMinimumThroughput;
            resilience.CircuitBreaker.FailureRatio = options.BreakerFailureRatio;
            resilience.CircuitBreaker.BreakDuration = options.BreakDuration;
            // The sampling window must be at least twice the attempt timeout (the options validator insists).
            resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, options.AttemptTimeout.Ticks * 2));
        });
        return builder;
    }
}
