using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marquee.Api.Tests.Security;

/// <summary>
/// Checks generated from the OpenAPI document, so every route, including ones added later, is
/// covered: role-protected routes refuse anonymous callers (401) and customers (403), ids that are not
/// the caller's get 403 or 404, every JSON body refuses malformed JSON, wrong types and oversize
/// payloads with problems, and every list refuses page sizes over the maximum. Never a 500.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class OpenApiSecuritySuiteTests(ApiFixture fixture)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private sealed record Operation(
        string Method, string Template, IReadOnlyList<string>? Policies, bool HasBody, IReadOnlyDictionary<string, string> PathTypes, IReadOnlyList<string> Query,
        IReadOnlySet<string> Declared)
    {
        public bool Protected => Policies is not null;

        public bool ForStaff => Policies?.Any(policy => policy is "admin" or "manager") ?? false;

        /// <summary>The route with ids nobody owns: random GUIDs, integers no row has.</summary>
        public string Url(string query = "") =>
            PathParameter().Replace(Template, match => PathTypes.GetValueOrDefault(match.Groups[1].Value) == "integer" ? "2000000001" : Guid.NewGuid().ToString()) + query;

        public override string ToString() => $"{Method.ToUpperInvariant()} {Template}";
    }

    private async Task<List<Operation>> OperationsAsync()
    {
        var document = await fixture.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(path => path.Name.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            foreach (var method in path.Value.EnumerateObject().Where(entry => Methods.Contains(entry.Name)))
            {
                var operation = method.Value;
                var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
                var pathTypes = parameters.Where(parameter => parameter.GetProperty("in").GetString() == "path")
                    .ToDictionary(parameter => parameter.GetProperty("name").GetString()!,
                        parameter => parameter.TryGetProperty("schema", out var schema) && schema.TryGetProperty("type", out var type) ? TypeName(type) : "string");
                var query = parameters.Where(parameter => parameter.GetProperty("in").GetString() == "query").Select(parameter => parameter.GetProperty("name").GetString()!).ToList();
                IReadOnlyList<string>? policies = operation.TryGetProperty("x-marquee-policies", out var names)
                    ? names.EnumerateArray().Select(name => name.GetString()!).ToList()
                    : null;
                var declared = operation.GetProperty("responses").EnumerateObject().Select(response => response.Name).ToHashSet();
                operations.Add(new Operation(method.Name, path.Name, policies, operation.TryGetProperty("requestBody", out _), pathTypes, query, declared));
            }
        }
        Assert.True(operations.Count > 40, $"only {operations.Count} operations in the document");
        return operations;
    }

    private static string TypeName(JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Select(item => item.GetString()).First(name => name != "null")!
        : type.GetString()!;

    /// <summary>Every answer the suite provokes must be one the document declares for that operation.</summary>
    private static void ExpectDeclared(Operation operation, HttpResponseMessage response, List<string> failures)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Declared.Contains(status))
        {
            failures.Add($"{operation} answered {status}, which the document does not declare");
        }
    }

    private static HttpRequestMessage Request(Operation operation, string? body = null, string query = "") =>
        new(new HttpMethod(operation.Method.ToUpperInvariant()), operation.Url(query))
        {
            Content = operation.HasBody || body is not null ? new StringContent(body ?? "{}", Encoding.UTF8, "application/json") : null,
        };

    [Fact]
    public async Task EveryStaffRouteRefusesAnonymousCallersWith401AndCustomersWith403()
    {
        var failures = new List<string>();
        using var anonymous = fixture.CreateClient();
        using var customer = fixture.CreateClient("customer");
        var staffRoutes = (await OperationsAsync()).Where(operation => operation.ForStaff).ToList();
        Assert.True(staffRoutes.Count >= 15, $"only {staffRoutes.Count} staff routes");
        foreach (var operation in staffRoutes)
        {
            var asAnonymous = await anonymous.SendAsync(Request(operation));
            var asCustomer = await customer.SendAsync(Request(operation));
            ExpectDeclared(operation, asAnonymous, failures);
            ExpectDeclared(operation, asCustomer, failures);
            if (asAnonymous.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"{operation} anonymous → {(int)asAnonymous.StatusCode}");
            if (asCustomer.StatusCode != HttpStatusCode.Forbidden) failures.Add($"{operation} customer → {(int)asCustomer.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task EverySignedInRouteRefusesAnonymousCallers()
    {
        var failures = new List<string>();
        using var anonymous = fixture.CreateClient();
        foreach (var operation in (await OperationsAsync()).Where(operation => operation.Protected))
        {
            var response = await anonymous.SendAsync(Request(operation));
            ExpectDeclared(operation, response, failures);
            if (response.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"{operation} → {(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task IdsThatAreNotTheCallersAre403Or404AndNeverServed()
    {
        var failures = new List<string>();
        using var customer = fixture.CreateClient("customer");
        foreach (var operation in (await OperationsAsync()).Where(operation => operation.PathTypes.Count > 0 && !operation.ForStaff && !operation.Template.EndsWith("/stream", StringComparison.Ordinal)))
        {
            var response = await customer.SendAsync(Request(operation));
            ExpectDeclared(operation, response, failures);
            var status = (int)response.StatusCode;
            // Reads and deletes address the id alone; writes may first be refused for their body.
            var allowed = operation.Method is "get" or "delete" ? new[] { 403, 404 } : [400, 403, 404, 409];
            if (!allowed.Contains(status) && !(operation.Method == "delete" && status == 204 && operation.Template.Contains("/users/me/", StringComparison.Ordinal)))
            {
                failures.Add($"{operation} → {status}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task EveryBodyRefusesMalformedJsonWrongTypesAndOversizePayloadsWithProblems()
    {
        var failures = new List<string>();
        using var admin = fixture.CreateClient("admin");
        var oversize = $$"""{"name":"{{new string('x', 300 * 1024)}}"}""";
        foreach (var operation in (await OperationsAsync()).Where(operation => operation.HasBody))
        {
            foreach (var (body, expected) in new[] { ("{\"name\":", HttpStatusCode.BadRequest), ("[1, 2, 3]", HttpStatusCode.BadRequest), (oversize, HttpStatusCode.RequestEntityTooLarge) })
            {
                var response = await admin.SendAsync(Request(operation, body));
                ExpectDeclared(operation, response, failures);
                if (response.StatusCode != expected || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{operation} with {body[..Math.Min(12, body.Length)]}… → {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Fields only the server sets: no request contract may carry them, so no client can mass-assign them.</summary>
    private static readonly string[] ServerOwned =
    [
        "id", "userId", "ownerId", "status", "amountCents", "version", "createdAt", "updatedAt", "retired", "deadLettered",
        "soldUnits", "ratingSum", "ratingCount", "code", "emailVerified", "failure", "expiresAt",
    ];

    [Fact]
    public async Task NoRequestBodyCarriesAFieldOnlyTheServerSets()
    {
        var document = await fixture.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var failures = new List<string>();
        var bodies = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(entry => Methods.Contains(entry.Name)))
            {
                if (!method.Value.TryGetProperty("requestBody", out var body)) continue;
                foreach (var content in body.GetProperty("content").EnumerateObject())
                {
                    bodies++;
                    var fields = Properties(content.Value.GetProperty("schema"), schemas).ToList();
                    // Roles are the very thing the admin-only roles route sets.
                    var allowed = path.Name.EndsWith("/roles", StringComparison.Ordinal) ? ["roles"] : Array.Empty<string>();
                    failures.AddRange(fields.Where(field => (ServerOwned.Contains(field) || field == "roles") && !allowed.Contains(field))
                        .Select(field => $"{method.Name.ToUpperInvariant()} {path.Name} accepts '{field}'"));
                }
            }
        }

        Assert.True(bodies >= 15, $"only {bodies} request bodies in the document");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Property names of a schema, following $ref into the components and through allOf.</summary>
    private static IEnumerable<string> Properties(JsonElement schema, JsonElement schemas)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Properties(schemas.GetProperty(reference.GetString()!.Split('/')[^1]), schemas);
        }
        var own = schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(property => property.Name) : [];
        var composed = schema.TryGetProperty("allOf", out var parts) ? parts.EnumerateArray().SelectMany(part => Properties(part, schemas)) : [];
        return own.Concat(composed);
    }

    [Fact]
    public async Task EveryListRefusesPageSizesOverTheMaximum()
    {
        var failures = new List<string>();
        using var admin = fixture.CreateClient("admin");
        var lists = (await OperationsAsync()).Where(operation => operation.Method == "get" && operation.Query.Contains("pageSize")).ToList();
        Assert.True(lists.Count >= 15, $"only {lists.Count} paginated lists");
        foreach (var operation in lists)
        {
            foreach (var query in new[] { "?pageSize=101", "?pageSize=0", "?pageNumber=0", "?pageSize=abc" })
            {
                var response = await admin.SendAsync(Request(operation, query: query));
                ExpectDeclared(operation, response, failures);
                if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{operation}{query} → {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [GeneratedRegex(@"\{([A-Za-z]+)(:[a-z]+)?\}")]
    private static partial Regex PathParameter();
}
