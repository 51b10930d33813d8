using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marquee.Api.Tests;

/// <summary>Drives the identity endpoints the way a client app would.</summary>
internal sealed class IdentityClient(ApiFixture fixture)
{
    public const string Password = "Correct-Horse-Battery-9";

    public HttpClient Anonymous { get; } = fixture.CreateClient();

    public static string NewEmail(string tag = "user") => $"{tag}-{Guid.NewGuid():N}@marquee.test";

    public async Task<(Guid Id, string Email)> RegisterAsync(string? email = null, string password = Password)
    {
        email ??= NewEmail();
        var response = await Anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, password, displayName = "Test User" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), email);
    }

    public Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        Anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password });

    public async Task<Tokens> LoginOkAsync(string email, string password = Password)
    {
        var response = await LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Tokens.From(await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        Anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

    public HttpClient As(string accessToken)
    {
        var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public async Task<HttpClient> SignedInAsync(string email, string password = Password) => As((await LoginOkAsync(email, password)).AccessToken);

    internal sealed record Tokens(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType)
    {
        public static Tokens From(JsonElement body) => new(
            body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!,
            body.GetProperty("expiresIn").GetInt32(), body.GetProperty("tokenType").GetString()!);
    }
}
