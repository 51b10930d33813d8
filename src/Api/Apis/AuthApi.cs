using System.Globalization;
using Marquee.Api.Auth;
using Marquee.Api.Contracts.Identity;
using Marquee.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Marquee.Api.Apis;

/// <summary>Registration, sign-in, token refresh and recovery. Per-address limits apply to the whole group.</summary>
public static class AuthApi
{
    public const string RateLimitPolicy = "auth";

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("auth").WithTags("Auth").RequireRateLimiting(RateLimitPolicy);
        auth.MapPost("register", RegisterAsync).WithName("Register").WithSummary("Creates a customer account.");
        auth.MapPost("login", LoginAsync).WithName("Login").WithSummary("Exchanges email and password for tokens.");
        auth.MapPost("refresh", RefreshAsync).WithName("Refresh").WithSummary("Rotates a refresh token; a reused one revokes its whole family.");
        auth.MapPost("logout", LogoutAsync).WithName("Logout").WithSummary("Revokes the refresh token's session.");
        auth.MapPost("password/forgot", ForgotPasswordAsync).WithName("ForgotPassword").WithSummary("Mails a reset link when the account exists; always 202.");
        auth.MapPost("password/reset", ResetPasswordAsync).WithName("ResetPassword").WithSummary("Sets a new password with a mailed token.");
        auth.MapPost("external/google", GoogleAsync).WithName("GoogleSignIn").WithSummary("Exchanges a Google ID token for Marquee tokens.");
        auth.MapGet("providers", GetProviders).WithName("GetAuthProviders").AllowAnonymous()
            .WithSummary("Lists the external sign-in providers on offer.")
            .WithDescription("Anonymous. `google` carries the OAuth client id the web app starts Google sign-in with, or is null when Google sign-in is not configured.");
        return api;
    }

    private static Ok<AuthProvidersResponse> GetProviders(IOptions<GoogleOptions> google) =>
        TypedResults.Ok(new AuthProvidersResponse(
            string.IsNullOrWhiteSpace(google.Value.ClientId) ? null : new GoogleProviderResponse(google.Value.ClientId)));

    private static async Task<Created<UserResponse>> RegisterAsync(RegisterRequest request, IClusterClient cluster)
    {
        var user = await cluster.GetGrain<IUserGrain>(Guid.NewGuid())
            .RegisterAsync(new NewAccount(request.Email, request.Password, request.DisplayName, [Roles.Customer]));
        return TypedResults.Created($"/api/v1/users/{user.Id}", UserResponse.From(user));
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, IClusterClient cluster, TokenIssuer tokens, HttpContext http)
    {
        var wait = await cluster.GetGrain<ISignInThrottleGrain>(EmailAddress.Normalize(request.Email)).TryAcquireAsync();
        if (wait is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts.",
                detail: "Wait for the time in Retry-After before trying again.");
        }
        var user = await cluster.GetGrain<ICredentialCheckGrain>(0).SignInAsync(request.Email, request.Password);
        return TypedResults.Ok(await IssueAsync(cluster, tokens, user));
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> RefreshAsync(RefreshRequest request, IClusterClient cluster, TokenIssuer tokens)
    {
        if (!OpaqueToken.TryParse(request.RefreshToken, out var sessionId, out var secret))
        {
            return InvalidToken();
        }
        var rotated = await cluster.GetGrain<IRefreshSessionGrain>(sessionId).RotateAsync(secret);
        return TypedResults.Ok(tokens.Issue(rotated.User, rotated.Next));
    }

    private static async Task<NoContent> LogoutAsync(LogoutRequest request, IClusterClient cluster)
    {
        if (OpaqueToken.TryParse(request.RefreshToken, out var sessionId, out var secret))
        {
            await cluster.GetGrain<IRefreshSessionGrain>(sessionId).RevokeAsync(secret);
        }
        return TypedResults.NoContent();
    }

    private static async Task<Accepted> ForgotPasswordAsync(ForgotPasswordRequest request, IClusterClient cluster)
    {
        await cluster.GetGrain<ICredentialCheckGrain>(0).RequestPasswordResetAsync(request.Email);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ValidationProblem>> ResetPasswordAsync(ResetPasswordRequest request, IClusterClient cluster)
    {
        if (!OpaqueToken.TryParse(request.Token, out var userId, out var secret))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["This reset link is invalid or has expired."] });
        }
        await cluster.GetGrain<IUserGrain>(userId).ResetPasswordAsync(secret, request.NewPassword);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> GoogleAsync(
        GoogleSignInRequest request, GoogleIdTokenValidator google, IClusterClient cluster, TokenIssuer tokens, CancellationToken cancellationToken)
    {
        if (!google.Enabled)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "Google sign-in is not configured.");
        }
        var identity = await google.ValidateAsync(request.IdToken, cancellationToken);
        if (identity is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The Google ID token is not valid.");
        }
        var user = await cluster.GetGrain<IExternalLoginGrain>($"{identity.Provider}:{identity.Subject}").SignInAsync(identity);
        return TypedResults.Ok(await IssueAsync(cluster, tokens, user));
    }

    private static async Task<TokenResponse> IssueAsync(IClusterClient cluster, TokenIssuer tokens, UserProfile user)
    {
        var grant = await cluster.GetGrain<IRefreshSessionGrain>(Guid.NewGuid()).StartAsync(user.Id);
        return tokens.Issue(user, grant);
    }

    private static ProblemHttpResult InvalidToken() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The refresh token is invalid, expired or revoked.");
}
