using Marquee.Api.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Marquee.Api.Infrastructure;

/// <summary>
/// Refuses bodies over the configured limit with a 413 problem before any handler reads them. A
/// declared Content-Length is checked up front; chunked bodies are capped through the server feature,
/// which makes the framework raise a 413 the exception handler turns into a problem.
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next, IOptions<EdgeOptions> options)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Detail = $"Request bodies are limited to {limit} bytes." },
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        await next(context);
    }
}
