using System.Text.Json;
using Marquee.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Marquee.Api.Infrastructure;

/// <summary>
/// The one place exceptions become HTTP answers. Client mistakes the framework raises (bad JSON, body
/// too large) keep their 4xx status; a cluster that cannot be reached is 503; anything else is a 500
/// without details.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is InvalidInputException invalid)
        {
            httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "One or more validation errors occurred.",
                },
            });
        }

        if (exception is Marquee.Cinema.SeatsUnavailableException taken)
        {
            httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails =
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Some seats are not available.",
                    Detail = taken.Message,
                    Extensions = { ["seats"] = taken.Seats },
                },
            });
        }

        if (exception is Marquee.Cinema.ShowtimeOverlapException overlap)
        {
            httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails =
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "The auditorium is taken at that time.",
                    Detail = overlap.Message,
                    Extensions =
                    {
                        ["conflictingShowtime"] = new Dictionary<string, object>
                        {
                            ["id"] = overlap.ShowtimeId, ["movieTitle"] = overlap.MovieTitle, ["startsAt"] = overlap.StartsAt, ["endsAt"] = overlap.EndsAt,
                        },
                    },
                },
            });
        }

        if (exception is Marquee.Identity.SignInThrottledException throttled)
        {
            httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(throttled.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = throttled.Message, Detail = "Wait for the time in Retry-After before trying again." },
            });
        }

        var (status, title, detail) = Classify(exception);
        if (status >= 500)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static (int Status, string? Title, string? Detail) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => (400, "The request body is not valid JSON.", json.Message),
        BadHttpRequestException bad => (bad.StatusCode, null, bad.Message),
        JsonException json => (400, "The request body is not valid JSON.", json.Message),
        NotFoundException notFound => (404, "Not found.", notFound.Message),
        ConflictException conflict => (409, "Conflict.", conflict.Message),
        Marquee.Cinema.SalesClosedException closed => (409, "Sales for this showtime have closed.", closed.Message),
        ForbiddenException forbidden => (403, "Forbidden.", forbidden.Message),
        Marquee.Orders.IdempotencyMismatchException mismatch => (422, "Idempotency-Key reused.", mismatch.Message),
        Marquee.Catalog.StaleVersionException stale => (412, "The resource changed since you read it.", stale.Message),
        AuthenticationFailedException failed => (401, failed.Message, null),
        TemporarilyUnavailableException busy => (503, busy.Message, null),
        SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException or Orleans.Runtime.Messaging.ConnectionFailedException
            => (503, "The booking cluster is unavailable; retry shortly.", null),
        TimeoutException => (503, "The booking cluster did not answer in time; retry shortly.", null),
        // Two activations of one grain for a moment (a silo joining or leaving): the loser's write was refused, nothing applied.
        Orleans.Storage.InconsistentStateException => (503, "The change met a concurrent one and was not saved; retry shortly.", null),
        // A grain that could not even activate because PostgreSQL is away (its calls are translated in the silo).
        _ when Marquee.ServiceDefaults.DatabaseExceptions.IsOutage(exception) => (503, Marquee.ServiceDefaults.DatabaseExceptions.OutageMessage, null),
        _ => (500, "An unexpected error occurred.", null),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
