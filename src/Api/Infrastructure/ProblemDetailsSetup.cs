using System.Diagnostics;

namespace Marquee.Api.Infrastructure;

public static class ProblemDetailsSetup
{
    /// <summary>Every problem response carries the trace id and correlation id so support can find the request.</summary>
    public static IServiceCollection AddMarqueeProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var http = context.HttpContext;
            context.ProblemDetails.Instance ??= $"{http.Request.Method} {http.Request.Path}";
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
            if (http.Items.TryGetValue(CorrelationIdMiddleware.ItemKey, out var correlationId))
            {
                context.ProblemDetails.Extensions["correlationId"] = correlationId;
            }
            // Never leak exception details, whatever the environment.
            context.ProblemDetails.Extensions.Remove("exception");
            if (context.ProblemDetails is HttpValidationProblemDetails validation)
            {
                validation.Errors = validation.Errors.ToDictionary(error => JsonPath(error.Key), error => error.Value);
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    /// <summary>
    /// Validation names fields by their C# path ("Tickets[0].Seat"); clients know them by their JSON
    /// path ("tickets[0].seat"), as the document and the grains' own field errors spell them.
    /// </summary>
    public static string JsonPath(string key) =>
        string.Join('.', key.Split('.').Select(segment => segment.Length > 0 ? char.ToLowerInvariant(segment[0]) + segment[1..] : segment));

    /// <summary>Turns bodiless error statuses (unknown routes, 405, framework 400s) into problem documents.</summary>
    public static IApplicationBuilder UseProblemStatusCodes(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async statusContext =>
        {
            var http = statusContext.HttpContext;
            var writer = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await writer.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = http.Response.StatusCode, Detail = DetailFor(http) },
            });
        });

    private static string? DetailFor(HttpContext http) => http.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound when http.GetEndpoint() is null => $"No route matches {http.Request.Path}.",
        StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed here.",
        StatusCodes.Status415UnsupportedMediaType => "Send JSON with Content-Type: application/json.",
        _ => null,
    };
}
