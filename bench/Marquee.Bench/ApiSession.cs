using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marquee.Bench;

/// <summary>Signs in and sets up what a scenario needs through the public API, as a client would.</summary>
public sealed class ApiSession(Uri api)
{
    // One connection pool for every simulated client: thousands of clients must not mean thousands of pools.
    private static readonly SocketsHttpHandler Handler = new() { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };

    public Uri Address => api;

    public const string UserPassword = "Bench-User-Pass-2026";

    public HttpClient NewClient(string? accessToken = null, Uri? baseAddress = null)
    {
        var client = new HttpClient(Handler, disposeHandler: false)
        {
            BaseAddress = baseAddress ?? api,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return client;
    }

    public async Task<string> LoginAsync(string email, string password)
    {
        using var client = NewClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Registers the user unless they exist, then signs them in.</summary>
    public async Task<(Guid UserId, string AccessToken)> CustomerAsync(string email)
    {
        using var client = NewClient();
        await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = UserPassword, displayName = "Bench User" });
        var token = await LoginAsync(email, UserPassword);
        using var me = NewClient(token);
        var profile = await me.GetFromJsonAsync<JsonElement>("/api/v1/users/me");
        return (profile.GetProperty("id").GetGuid(), token);
    }
}
