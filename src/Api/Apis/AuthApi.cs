using System.Globalization;
using Marquee.Api.Infrastructure;
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
        auth.MapPost("register", RegisterAsync).WithName("Register").Answers(409)
            .WithSummary("Creates a customer account.")
            .WithDescription("Anonymous. The email is unique case-insensitively (409 when taken); the password must be 8 to 128 characters and not a common one. Answers the new user; sign in with POST /auth/login.");
        auth.MapPost("login", LoginAsync).WithName("Login").Answers(401)
            .WithSummary("Exchanges email and password for tokens.")
            .WithDescription("Answers a short-lived access token (JWT, ES256) and an opaque refresh token. A wrong email and a wrong password get the same 401, so an answer never tells whether an account exists; repeated failures per email and per address get 429 with Retry-After.");
        auth.MapPost("refresh", RefreshAsync).WithName("Refresh").Answers(401)
            .WithSummary("Rotates a refresh token for new tokens.")
            .WithDescription("The presented refresh token dies and a new pair is answered. Presenting a token that was already rotated revokes its whole family (reuse detection): 401, and every token of that sign-in stops working.");
        auth.MapPost("logout", LogoutAsync).WithName("Logout")
            .WithSummary("Revokes the refresh token's session.")
            .WithDescription("Always 204, whether or not the token was still valid, so a client can sign out without knowing its state.");
        auth.MapPost("password/forgot", ForgotPasswordAsync).WithName("ForgotPassword")
            .WithSummary("Mails a password reset link.")
            .WithDescription("Always 202. When the account exists, a one-time link valid for 30 minutes is mailed to it; the answer never tells whether it does.");
        auth.MapPost("password/reset", ResetPasswordAsync).WithName("ResetPassword")
            .WithSummary("Sets a new password with a mailed token.")
            .WithDescription("Consumes the mailed token (400 naming `token` when it is invalid, used or expired) and signs out every session of the account.");
        auth.MapPost("external/google", GoogleAsync).WithName("GoogleSignIn").Answers(401, 404)
            .WithSummary("Exchanges a Google ID token for Marquee tokens.")
            .WithDescription("The ID token is checked against the issuer's published keys, audience and expiry (401 when not valid); its verified email signs in or creates the account. 404 when Google sign-in is not configured.");
        auth.MapGet("providers", GetProviders).WithName("GetAuthProviders").AllowAnonymous()
            .WithSummary("Lists the external sign-in providers on offer.")
            .WithDescription("Anonymous. `google` carries the OAuth client id and the authorization endpoint the web app starts Google sign-in with, or is null when Google sign-in is not configured.");
        return api;
    }

    private static Ok<AuthProvidersResponse> GetProviders(IOptions<GoogleOptions> google) =>
        TypedResults.Ok(new AuthProvidersResponse(
            string.IsNullOrWhiteSpace(google.Value.ClientId) ? null : new GoogleProviderResponse(google.Value.ClientId, google.Value.AuthorizationEndpoint)));

    private static async Task<Created<UserResponse>> RegisterAsync(RegisterRequest request, IClusterClient cluster)
    {
        var user = await cluster.GetGrain<IUserGrain>(Guid.NewGuid())
            .RegisterAsync(new NewAccount(request.Email, request.Password, request.DisplayName, [Roles.Customer]));
        return TypedResults.Created($"/api/v1/users/{user.Id}", UserResponse.From(user));
    }

    private static async Task<Ok<TokenResponse>> LoginAsync(LoginRequest request, IClusterClient cluster, TokenIssuer tokens)
    {
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
