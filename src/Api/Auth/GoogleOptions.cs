namespace Marquee.Api.Auth;

/// <summary>Google sign-in (section <c>Google</c>). The authority is configurable so tests can run a local issuer.</summary>
public sealed class GoogleOptions
{
    public const string Section = "Google";

    public string Authority { get; set; } = "https://accounts.google.com";

    /// <summary>This app's OAuth client id: the audience Google's ID tokens are issued for. Unset disables the endpoint.</summary>
    public string? ClientId { get; set; }

    /// <summary>Issuers accepted in the token; Google uses both forms.</summary>
    public string[] ValidIssuers { get; set; } = ["https://accounts.google.com", "accounts.google.com"];

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Where browsers are sent to sign in (the web app's implicit flow); the issuer's own in production.</summary>
    public string AuthorizationEndpoint { get; set; } = "https://accounts.google.com/o/oauth2/v2/auth";
}
