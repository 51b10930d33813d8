using System.Text.RegularExpressions;

namespace Marquee.Api.Infrastructure;

/// <summary>
/// Carries a correlation id from the caller (X-Correlation-Id) or mints one, echoes it on the response
/// and puts it in the logging scope so every log line of the request can be found together.
/// </summary>
public sealed partial class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";
    public const string ItemKey = "CorrelationId";

    public async Task InvokeAsync(HttpContext context)
    {
        var supplied = context.Request.Headers[HeaderName].ToString();
        // A caller-chosen id ends up in logs: accept only short, plain tokens so it cannot forge log structure.
        var correlationId = IsAcceptable(supplied) ? supplied : Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = correlationId;
        context.Response.Headers[HeaderName] = correlationId;

        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId }))
        {
            await next(context);
        }
    }

    private static bool IsAcceptable(string value) => value.Length is > 0 and <= 64 && SafeToken().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex SafeToken();
}
