using System.Globalization;
using System.Threading.RateLimiting;
using Marquee.Api.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Marquee.Api.Infrastructure;

public static class RateLimitingSetup
{
    /// <summary>
    /// A fixed window per client address over the whole API. Rejections are problem documents with
    /// Retry-After, so well-behaved clients know when to come back.
    /// </summary>
    public static IServiceCollection AddMarqueeRateLimiting(this IServiceCollection services, EdgeOptions edge)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsExempt(http.Request.Path)
                    ? RateLimitPartition.GetNoLimiter("probes")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = edge.RequestsPerWindow,
                            Window = edge.RateLimitWindow,
                            QueueLimit = 0,
                        }));
            // Credential endpoints get a tighter budget per address on top of the global one.
            limiter.AddPolicy(Marquee.Api.Apis.AuthApi.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = edge.AuthRequestsPerWindow, Window = edge.RateLimitWindow, QueueLimit = 0 }));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : edge.RateLimitWindow;
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = "Slow down and retry after the time in Retry-After." },
                });
            };
        });
        return services;
    }

    // Orchestrator probes and metric scrapes must never be throttled into a restart.
    private static bool IsExempt(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");
}
