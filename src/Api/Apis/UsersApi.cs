using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marquee.Api.Infrastructure;
using Marquee.Api.Auth;
using Marquee.Api.Contracts.Common;
using Marquee.Api.Contracts.Identity;
using Marquee.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Api.Apis;

/// <summary>Profiles and account administration. A user reaches only their own data; admins reach everyone's.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("users").WithTags("Users").RequireAuthorization();
        users.MapGet("me", GetMeAsync).WithName("GetMe")
            .WithSummary("The caller's own account.")
            .WithDescription("Id, email, display name, roles and when the account was created.");
        users.MapPatch("me", UpdateMeAsync).WithName("UpdateMe")
            .WithSummary("Changes the caller's display name.")
            .WithDescription("The email is the account's identity and is not changed here.");
        users.MapPost("me/password", ChangePasswordAsync).WithName("ChangePassword")
            .WithSummary("Changes the caller's password.")
            .WithDescription("Needs the current password (400 naming `currentPassword` when it is wrong); signs out every session, this one included.");
        users.MapGet("", ListAsync).WithName("ListUsers").RequireAuthorization(Policies.Admin)
            .WithSummary("Lists accounts (admin).")
            .WithDescription("Paginated; `email` matches part of the address, `role` keeps accounts holding that role.");
        users.MapGet("{userId:guid}", GetAsync).WithName("GetUser").Answers(404)
            .WithSummary("One account.")
            .WithDescription("The caller's own, or any for admins; anyone else's id answers 404, exactly like an unknown one.");
        users.MapPut("{userId:guid}/roles", SetRolesAsync).WithName("SetRoles").RequireAuthorization(Policies.Admin).Answers(404)
            .WithSummary("Replaces an account's roles (admin).")
            .WithDescription("Roles are `customer`, `manager` and `admin`; `customer` is always kept. The account's next access token (at sign-in or refresh) carries them.");
        return api;
    }

    private static async Task<Ok<UserResponse>> GetMeAsync(ClaimsPrincipal caller, IClusterClient cluster) =>
        TypedResults.Ok(UserResponse.From(await cluster.GetGrain<IUserGrain>(caller.UserId()).GetProfileAsync()));

    private static async Task<Ok<UserResponse>> UpdateMeAsync(UpdateProfileRequest request, ClaimsPrincipal caller, IClusterClient cluster) =>
        TypedResults.Ok(UserResponse.From(await cluster.GetGrain<IUserGrain>(caller.UserId()).UpdateProfileAsync(request.DisplayName)));

    private static async Task<NoContent> ChangePasswordAsync(ChangePasswordRequest request, ClaimsPrincipal caller, IClusterClient cluster)
    {
        await cluster.GetGrain<IUserGrain>(caller.UserId()).ChangePasswordAsync(request.CurrentPassword, request.NewPassword);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PagedResponse<UserResponse>>> ListAsync(
        IClusterClient cluster,
        [StringLength(320)] string? email,
        [AllowedValues(null, Roles.Customer, Roles.Manager, Roles.Admin)] string? role,
        [AsParameters] PageQuery paging)
    {
        var page = await cluster.GetGrain<IUserDirectoryGrain>(0).ListAsync(new UserQuery(email, role, paging.PageNumber, paging.PageSize));
        return TypedResults.Ok(page.ToResponse(UserResponse.From));
    }

    private static async Task<Ok<UserResponse>> GetAsync(Guid userId, ClaimsPrincipal caller, IClusterClient cluster) =>
        TypedResults.Ok(UserResponse.From(await cluster.GetGrain<IUserGrain>(userId).GetProfileForAsync(caller.AsViewer())));

    private static async Task<Ok<UserResponse>> SetRolesAsync(Guid userId, SetRolesRequest request, IClusterClient cluster) =>
        TypedResults.Ok(UserResponse.From(await cluster.GetGrain<IUserGrain>(userId).SetRolesAsync(request.Roles)));
}
