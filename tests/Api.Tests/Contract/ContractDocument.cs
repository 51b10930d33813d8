using System.Net.Http.Json;
using System.Text.Json;

namespace Marquee.Api.Tests.Contract;

/// <summary>The served OpenAPI document, read the way a client generator reads it.</summary>
internal sealed class ContractDocument(JsonElement root)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public static async Task<ContractDocument> LoadAsync(ApiFixture fixture) =>
        new(await fixture.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json"));

    public JsonElement Root => root;

    private JsonElement Schemas => root.GetProperty("components").GetProperty("schemas");

    /// <summary>"POST /api/v1/orders" for every operation of the API.</summary>
    public IEnumerable<(string Key, JsonElement Operation)> Operations() =>
        root.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(method => Methods.Contains(method.Name))
                .Select(method => ($"{method.Name.ToUpperInvariant()} {path.Name}", method.Value)));

    public JsonElement Operation(string key)
    {
        var (method, path) = Split(key);
        return root.GetProperty("paths").GetProperty(path).GetProperty(method);
    }

    public bool Declares(string key, int status) =>
        Operation(key).GetProperty("responses").TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out _);

    /// <summary>The schema of the operation's JSON body, $refs followed; null without a body.</summary>
    public JsonElement? BodySchema(string key) =>
        Operation(key).TryGetProperty("requestBody", out var body)
            ? Resolve(body.GetProperty("content").GetProperty("application/json").GetProperty("schema"))
            : null;

    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            schema = Schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }
        return schema;
    }

    /// <summary>A property's schema, $refs followed and a nullable union's non-null branch taken.</summary>
    public JsonElement PropertySchema(JsonElement objectSchema, string name)
    {
        var property = Resolve(objectSchema.GetProperty("properties").GetProperty(name));
        if (property.TryGetProperty("oneOf", out var branches))
        {
            foreach (var branch in branches.EnumerateArray())
            {
                var resolved = Resolve(branch);
                if (!(resolved.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null"))
                {
                    return resolved;
                }
            }
        }
        return property;
    }

    private static (string Method, string Path) Split(string key)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        return (key[..space].ToLowerInvariant(), key[(space + 1)..]);
    }
}
