using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marquee.Api.Tests.Orders;

namespace Marquee.Api.Tests.Contract;

/// <summary>
/// The document's request schemas and the API's validation, compared field by field: every body
/// operation is sent a valid sample with one field left out at a time, and the API must refuse it
/// with a 400 naming that field exactly when the schema says the field cannot be left out (its
/// <c>required</c>, <c>dependentRequired</c>, <c>anyOf</c> or <c>oneOf</c>). Either side drifting
/// from the other fails here.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class RequiredFieldsTests(ApiFixture fixture)
{
    private sealed record Sample(string Operation, Func<JsonObject> Body, HttpClient Client, bool MustBeAccepted = true);

    [Fact]
    public async Task EveryRequestSchemaRequiresExactlyTheFieldsValidationRefusesToGoWithout()
    {
        var document = await ContractDocument.LoadAsync(fixture);
        var samples = await SamplesAsync();
        var bodyOperations = document.Operations().Where(operation => operation.Operation.TryGetProperty("requestBody", out _)).Select(operation => operation.Key).ToList();
        Assert.True(bodyOperations.Count >= 20, $"only {bodyOperations.Count} operations with a body");
        Assert.Empty(bodyOperations.Except(samples.Select(sample => Template(sample.Operation))));

        var mismatches = new List<string>();
        var fieldsChecked = 0;
        foreach (var sample in samples)
        {
            var key = Template(sample.Operation);
            var schema = document.BodySchema(key)!.Value;
            var whole = await SendAsync(sample, sample.Body());
            if (sample.MustBeAccepted && whole.Status == 400)
            {
                mismatches.Add($"{sample.Operation}: the whole sample was refused ({whole.Text}); the sample no longer fits the contract");
                continue;
            }
            foreach (var field in Fields(document, schema, sample.Body(), prefix: ""))
            {
                fieldsChecked++;
                var body = sample.Body();
                var parent = field.Parent(body);
                parent.Remove(field.Name);
                var documentRefuses = Refuses(field.Schema, parent, field.Name);
                var answer = await SendAsync(sample, body);
                var apiRefuses = answer.Status == 400 && answer.Fields.Contains(field.Path);
                if (documentRefuses != apiRefuses)
                {
                    mismatches.Add($"{sample.Operation} without {field.Path}: the document says {(documentRefuses ? "required" : "optional")}, the API answered {answer.Status} {answer.Text}");
                }
            }
        }
        Assert.True(fieldsChecked >= 60, $"only {fieldsChecked} fields compared");
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    private sealed record Field(string Path, string Name, JsonElement Schema, Func<JsonObject, JsonObject> Parent);

    /// <summary>Every field of the sample, nested objects and the first item of arrays included.</summary>
    private static IEnumerable<Field> Fields(ContractDocument document, JsonElement schema, JsonObject sample, string prefix, Func<JsonObject, JsonObject>? parent = null)
    {
        parent ??= body => body;
        foreach (var (name, value) in sample.ToList())
        {
            var path = prefix + name;
            yield return new Field(path.ToLowerInvariant(), name, schema, parent);
            var propertySchema = document.PropertySchema(schema, name);
            var captured = parent;
            if (value is JsonObject nested)
            {
                foreach (var field in Fields(document, propertySchema, nested, path + ".", body => (JsonObject)captured(body)[name]!))
                {
                    yield return field;
                }
            }
            else if (value is JsonArray { Count: > 0 } array && array[0] is JsonObject item)
            {
                var itemSchema = document.Resolve(propertySchema.GetProperty("items"));
                foreach (var field in Fields(document, itemSchema, item, path + ".", body => (JsonObject)((JsonArray)captured(body)[name]!)[0]!))
                {
                    yield return field;
                }
            }
        }
    }

    /// <summary>Whether a JSON Schema validator would name <paramref name="field"/> as missing from <paramref name="value"/>.</summary>
    private static bool Refuses(JsonElement schema, JsonObject value, string field)
    {
        bool Present(string name) => value[name] is not null;
        if (schema.TryGetProperty("required", out var required) && required.EnumerateArray().Any(name => name.GetString() == field))
        {
            return true;
        }
        if (schema.TryGetProperty("dependentRequired", out var dependent)
            && dependent.EnumerateObject().Any(rule => Present(rule.Name) && rule.Value.EnumerateArray().Any(name => name.GetString() == field)))
        {
            return true;
        }
        foreach (var (keyword, holds) in new (string, Func<int, bool>)[] { ("anyOf", count => count >= 1), ("oneOf", count => count == 1) })
        {
            if (!schema.TryGetProperty(keyword, out var branches))
            {
                continue;
            }
            var fields = branches.EnumerateArray().SelectMany(branch => branch.GetProperty("required").EnumerateArray().Select(name => name.GetString()!)).ToList();
            if (fields.Contains(field) && !holds(fields.Count(Present)))
            {
                return true;
            }
        }
        return false;
    }

    private sealed record Answer(int Status, HashSet<string> Fields, string Text);

    private static async Task<Answer> SendAsync(Sample sample, JsonObject body)
    {
        var space = sample.Operation.IndexOf(' ', StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(sample.Operation[..space]), sample.Operation[(space + 1)..])
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", $"contract-{Guid.NewGuid():N}");
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var response = await sample.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var fields = new HashSet<string>();
        if (response.StatusCode == HttpStatusCode.BadRequest && JsonNode.Parse(text)?["errors"] is JsonObject errors)
        {
            fields.UnionWith(errors.Select(error => Index().Replace(error.Key, "").ToLowerInvariant()));
        }
        return new Answer((int)response.StatusCode, fields, text.Length > 300 ? text[..300] : text);
    }

    /// <summary>"PUT /api/v1/products/7" back to "PUT /api/v1/products/{productId}".</summary>
    private string Template(string operation) => _templates[operation];

    private readonly Dictionary<string, string> _templates = [];

    private Sample Add(string template, string concrete, Func<JsonObject> body, HttpClient client, bool mustBeAccepted = true)
    {
        _templates[$"{template.Split(' ')[0]} {concrete}"] = template;
        return new Sample($"{template.Split(' ')[0]} {concrete}", body, client, mustBeAccepted);
    }

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 40)];

    /// <summary>A valid body for every operation that takes one, against real resources where validity depends on them.</summary>
    private async Task<List<Sample>> SamplesAsync()
    {
        var scenario = await OrderScenario.CreateAsync(fixture, daysAhead: 40);
        var productId = await scenario.ProductAsync();
        var identity = new IdentityClient(fixture);
        var (userId, email) = await identity.RegisterAsync();
        var customer = await identity.SignedInAsync(email);
        var manager = scenario.Manager;
        var admin = scenario.Admin;
        var anonymous = fixture.CreateClient();
        var cinema = await ReadAsync(await manager.PostAsJsonAsync("/api/v1/cinemas", new { name = Unique("Contrato"), neighbourhood = "Lapa", address = "Rua Guaicurus, 1" }));
        var cinemaId = cinema.GetProperty("id").GetGuid();
        var auditorium = await ReadAsync(await manager.PostAsJsonAsync($"/api/v1/cinemas/{cinemaId}/auditoriums", new { name = "Sala C", rows = new[] { new { row = "A", positions = "WC_SSSS_PP" } } }));
        var auditoriumId = auditorium.GetProperty("id").GetGuid();
        var package = await ReadAsync(await manager.PostAsJsonAsync("/api/v1/packages", new { name = Unique("Contrato"), genreIds = new[] { 28 }, description = "Ação.", priceCents = 1990 }));
        var packageId = package.GetProperty("id").GetGuid();
        var startsAt = DateTimeOffset.UtcNow.AddDays(50);
        var showtimeSlot = 0;

        JsonObject Json(object value) => JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web)!.AsObject();

        return
        [
            Add("POST /api/v1/auth/register", "/api/v1/auth/register",
                () => Json(new { email = IdentityClient.NewEmail("contract"), password = IdentityClient.Password, displayName = "Contrato" }), anonymous),
            Add("POST /api/v1/auth/login", "/api/v1/auth/login", () => Json(new { email, password = "Not-The-Password-1" }), anonymous),
            Add("POST /api/v1/auth/refresh", "/api/v1/auth/refresh", () => Json(new { refreshToken = "not-a-token" }), anonymous),
            Add("POST /api/v1/auth/logout", "/api/v1/auth/logout", () => Json(new { refreshToken = "not-a-token" }), anonymous),
            Add("POST /api/v1/auth/password/forgot", "/api/v1/auth/password/forgot", () => Json(new { email = IdentityClient.NewEmail("nobody") }), anonymous),
            // A reset token is single-use and mailed; every field is required, so a refused whole sample hides nothing.
            Add("POST /api/v1/auth/password/reset", "/api/v1/auth/password/reset", () => Json(new { token = "not-a-token", newPassword = "Another-Pass-2026" }), anonymous, mustBeAccepted: false),
            Add("POST /api/v1/auth/external/google", "/api/v1/auth/external/google", () => Json(new { idToken = "not-a-token" }), anonymous),
            Add("PATCH /api/v1/users/me", "/api/v1/users/me", () => Json(new { displayName = "Contrato" }), customer),
            Add("POST /api/v1/users/me/password", "/api/v1/users/me/password",
                () => Json(new { currentPassword = IdentityClient.Password, newPassword = IdentityClient.Password }), customer, mustBeAccepted: false),
            Add("PUT /api/v1/users/{userId}/roles", $"/api/v1/users/{userId}/roles", () => Json(new { roles = new[] { "customer" } }), admin),
            Add("POST /api/v1/packages", "/api/v1/packages",
                () => Json(new { name = Unique("Contrato"), genreIds = new[] { 28 }, description = "Ação.", priceCents = 1990 }), manager),
            Add("PUT /api/v1/packages/{packageId}", $"/api/v1/packages/{packageId}",
                () => Json(new { name = Unique("Contrato"), genreIds = new[] { 28 }, description = "Ação.", priceCents = 2490 }), manager),
            Add("POST /api/v1/users/me/subscriptions", "/api/v1/users/me/subscriptions", () => Json(new { packageId }), customer),
            Add("POST /api/v1/cinemas", "/api/v1/cinemas", () => Json(new { name = Unique("Contrato"), neighbourhood = "Lapa", address = "Rua Guaicurus, 1" }), manager),
            Add("POST /api/v1/cinemas/{cinemaId}/auditoriums", $"/api/v1/cinemas/{cinemaId}/auditoriums",
                () => Json(new { name = Unique("Sala"), rows = new[] { new { row = "A", positions = "SS_SS" } } }), manager),
            Add("POST /api/v1/showtimes", "/api/v1/showtimes",
                () => Json(new
                {
                    auditoriumId, movieId = 603, startsAt = startsAt.AddHours(4 * showtimeSlot++), format = "2D", audio = "subtitled",
                    prices = new { standard = 3000, premium = 4500, wheelchair = 2800, companion = 2800 },
                }), manager),
            Add("POST /api/v1/showtimes/{showtimeId}/holds", $"/api/v1/showtimes/{scenario.ShowtimeId}/holds", () => Json(new { quantity = 1, seatKind = "standard" }), customer),
            Add("POST /api/v1/showtimes/{showtimeId}/holds", $"/api/v1/showtimes/{scenario.ShowtimeId}/holds", () => Json(new { seats = new[] { "B9" } }), customer),
            Add("POST /api/v1/orders", "/api/v1/orders",
                () => Json(new
                {
                    showtimeId = scenario.ShowtimeId, holdId = Guid.NewGuid(),
                    tickets = new[] { new { seat = "C1", type = "half" } }, items = new[] { new { productId, quantity = 1 } },
                }), customer),
            Add("POST /api/v1/products", "/api/v1/products",
                () => Json(new
                {
                    name = Unique("Pipoca"), description = "Doce.", categoryId = scenario.CategoryId, priceCents = 1800,
                    imageUrl = "https://cdn.marquee.test/doce.png", active = true, stock = 10, groupSize = 1,
                }), manager),
            Add("PUT /api/v1/products/{productId}", $"/api/v1/products/{productId}",
                () => Json(new
                {
                    name = Unique("Pipoca"), description = "Doce.", categoryId = scenario.CategoryId, priceCents = 1900,
                    imageUrl = "https://cdn.marquee.test/doce.png", active = true, stock = 10, groupSize = 2,
                }), manager),
            // Only an approved order of the caller may rate; every field is required, so a refused whole sample hides nothing.
            Add("POST /api/v1/products/{productId}/ratings", $"/api/v1/products/{productId}/ratings", () => Json(new { orderId = Guid.NewGuid(), stars = 4 }), customer, mustBeAccepted: false),
            Add("POST /api/v1/categories", "/api/v1/categories", () => Json(new { name = Unique("Doces") }), manager),
            Add("POST /api/v1/admin/canaries/{name}/touches", "/api/v1/admin/canaries/contract/touches", () => Json(new { count = 1 }), admin),
        ];
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();
}
