using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Marquee.Api.Infrastructure;

public static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";

    /// <summary>One document, <c>v1</c>, with the bearer scheme declared and the common error answers on every operation.</summary>
    public static IServiceCollection AddMarqueeOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Marquee API",
                    Version = "v1",
                    Description = "Tickets, concessions and streaming packages for a São Paulo cinema chain.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "Access token from POST /api/v1/auth/login.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                operation.Responses ??= new OpenApiResponses();
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var authorization = metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().ToList();
                if (authorization.Count > 0)
                {
                    // Which roles an operation needs, for clients and for the generated security suite.
                    var policies = authorization.Select(data => data.Policy).OfType<string>().Distinct().Order().ToArray();
                    operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                    operation.Extensions["x-marquee-policies"] = new JsonNodeExtension(new System.Text.Json.Nodes.JsonArray(
                        policies.Select(policy => (System.Text.Json.Nodes.JsonNode?)System.Text.Json.Nodes.JsonValue.Create(policy)).ToArray()));
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
                    operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Missing or invalid access token." });
                    operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The caller's role does not allow this." });
                }
                operation.Responses.TryAdd("400", new OpenApiResponse { Description = "Invalid input (RFC 9457 problem with per-field errors)." });
                operation.Responses.TryAdd("429", new OpenApiResponse { Description = "Rate limited; see Retry-After." });
                return Task.CompletedTask;
            });
        });
}
