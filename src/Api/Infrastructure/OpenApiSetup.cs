using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using Marquee.Api.Contracts.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Marquee.Api.Infrastructure;

/// <summary>
/// The OpenAPI document says what the API does: every operation's possible answers (its own, declared
/// where it is mapped with <see cref="ContractConventions"/>, plus the edge's: 400, 401/403, 413,
/// 415, 429, 503), the headers it reads, and request schemas whose <c>required</c> lists are exactly
/// the fields validation refuses to go without.
/// </summary>
public static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";

    private const string ProblemSchema = "ProblemDetails";
    private const string ValidationProblemSchema = "HttpValidationProblemDetails";

    private static readonly Dictionary<string, string> AnswerDescriptions = new()
    {
        ["400"] = "Invalid input: an RFC 9457 problem whose `errors` name each field (JSON path) and what is wrong with it.",
        ["401"] = "Not signed in, or the token or credentials are invalid, expired or revoked.",
        ["403"] = "Signed in, but the caller's role or ownership does not allow this.",
        ["404"] = "Nothing with this id, or it is not the caller's to see.",
        ["409"] = "Conflicts with the current state (taken, overlapping, already done); the problem's detail says with what.",
        ["412"] = "If-Match names a version that is no longer current: read the resource again and reapply the change.",
        ["413"] = "The body is larger than the edge accepts.",
        ["415"] = "The body is not JSON (send Content-Type: application/json).",
        ["422"] = "The Idempotency-Key was already used with a different body.",
        ["428"] = "If-Match is required here.",
        ["429"] = "Rate limited; wait for the seconds in Retry-After.",
        ["503"] = "A dependency (the cluster, the database) is briefly unavailable; retry after the seconds in Retry-After.",
    };

    /// <summary>One document, <c>v1</c>, with the bearer scheme declared and every answer an operation can give.</summary>
    public static IServiceCollection AddMarqueeOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer(async (document, context, cancellationToken) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Marquee API",
                    Version = "v1",
                    Description = "Tickets, concessions and streaming packages for a São Paulo cinema chain. Errors are RFC 9457 problem documents carrying `traceId` and `correlationId`.",
                    Contact = new OpenApiContact { Name = "Marquee platform team", Email = "platform@marquee.local" },
                };
                foreach (var server in document.Servers ?? [])
                {
                    server.Url = server.Url?.TrimEnd('/');
                }
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "Access token from POST /api/v1/auth/login.",
                };
                // The edge's answers refer to these by name; make sure they are there even if no handler names them.
                document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
                foreach (var (name, type) in new[] { (ProblemSchema, typeof(ProblemDetails)), (ValidationProblemSchema, typeof(HttpValidationProblemDetails)) })
                {
                    if (!document.Components.Schemas.ContainsKey(name))
                    {
                        document.Components.Schemas[name] = await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellationToken);
                    }
                }
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                // Nested request types (prices, ticket lines) arrive with the property that holds them; the type decides.
                if (context.JsonTypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object && IsRequestContract(context.JsonTypeInfo.Type))
                {
                    DescribeRequest(schema, context.JsonTypeInfo);
                }
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                operation.Responses ??= new OpenApiResponses();
                DeclareHeaders(operation, metadata);
                DeclareEdgeAnswers(operation, context, metadata);
                foreach (var (status, response) in operation.Responses)
                {
                    if (response is OpenApiResponse concrete && AnswerDescriptions.TryGetValue(status, out var description)
                        && (string.IsNullOrEmpty(concrete.Description) || concrete.Description == ReasonPhrase(status)))
                    {
                        concrete.Description = description;
                    }
                }
                return Task.CompletedTask;
            });
        });

    /// <summary>Input records: the ones whose fields carry validation rules.</summary>
    private static bool IsRequestContract(Type type) =>
        type.Namespace?.StartsWith("Marquee.Api.Contracts", StringComparison.Ordinal) == true
        && (type.GetCustomAttributes<PresenceRuleAttribute>().Any()
            || type.GetProperties().Any(property => property.GetCustomAttributes<ValidationAttribute>().Any()));

    /// <summary>
    /// <c>required</c> is what <see cref="RequiredAttribute"/> marks, nothing more (the generator would
    /// list every constructor parameter); presence rules become anyOf, oneOf and dependentRequired.
    /// </summary>
    private static void DescribeRequest(OpenApiSchema schema, System.Text.Json.Serialization.Metadata.JsonTypeInfo type)
    {
        var required = type.Properties
            .Where(property => property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true)
            .Select(property => property.Name)
            .ToHashSet();
        schema.Required = required.Count > 0 ? required : null;
        foreach (var rule in type.Type.GetCustomAttributes<PresenceRuleAttribute>())
        {
            var fields = rule.Members.Select(PresenceRuleAttribute.JsonName).ToList();
            switch (rule)
            {
                case RequireAnyOfAttribute:
                    schema.AnyOf = fields.Select(RequiresField).ToList();
                    break;
                case RequireOneOfAttribute:
                    schema.OneOf = fields.Select(RequiresField).ToList();
                    break;
                case RequiredTogetherAttribute:
                    schema.DependentRequired ??= new Dictionary<string, HashSet<string>>();
                    foreach (var field in fields)
                    {
                        schema.DependentRequired[field] = fields.Where(other => other != field).ToHashSet();
                    }
                    break;
            }
        }
    }

    private static IOpenApiSchema RequiresField(string field) => new OpenApiSchema { Required = new HashSet<string> { field } };

    private static void DeclareHeaders(OpenApiOperation operation, IList<object> metadata)
    {
        foreach (var header in metadata.OfType<RequestHeaderMetadata>())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = header.Name,
                In = ParameterLocation.Header,
                Required = header.Required,
                Description = header.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
        foreach (var header in metadata.OfType<ResponseHeaderMetadata>())
        {
            if (operation.Responses!.TryGetValue(header.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var answer) && answer is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers[header.Name] = new OpenApiHeader { Description = header.Description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
        }
    }

    /// <summary>What the edge itself may answer before or around the handler.</summary>
    private static void DeclareEdgeAnswers(OpenApiOperation operation, OpenApiOperationTransformerContext context, IList<object> metadata)
    {
        var authorization = metadata.OfType<IAuthorizeData>().ToList();
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        if (authorization.Count > 0 && !anonymous)
        {
            // Which roles an operation needs, for clients and for the generated security suite.
            var policies = authorization.Select(data => data.Policy).OfType<string>().Distinct().Order().ToArray();
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-marquee-policies"] = new JsonNodeExtension(new JsonArray(policies.Select(policy => (JsonNode?)JsonValue.Create(policy)).ToArray()));
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
            Declare(operation, context, "401");
            if (policies.Length > 0)
            {
                Declare(operation, context, "403");
            }
        }
        var hasInput = operation.RequestBody is not null || operation.Parameters?.Any(parameter => parameter.In is ParameterLocation.Path or ParameterLocation.Query) == true;
        if (hasInput)
        {
            Declare(operation, context, "400", ValidationProblemSchema);
        }
        if (operation.RequestBody is not null)
        {
            Declare(operation, context, "413");
            Declare(operation, context, "415");
        }
        Declare(operation, context, "429", header: "Retry-After");
        Declare(operation, context, "503", header: "Retry-After");
    }

    private static void Declare(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string schema = ProblemSchema, string? header = null)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }
        var response = new OpenApiResponse
        {
            Description = AnswerDescriptions[status],
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, context.Document) },
            },
        };
        if (header is not null)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                [header] = new OpenApiHeader { Description = "Seconds to wait before retrying.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            };
        }
        operation.Responses[status] = response;
    }

    private static string ReasonPhrase(string status) =>
        int.TryParse(status, out var code) ? Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code) : "";
}
