namespace Marquee.Api.Auth;

/// <summary>Authorization policy and role names; roles arrive as the <c>role</c> claim of access tokens.</summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Manager = "manager";

    public static class Roles
    {
        public const string Customer = "customer";
        public const string Manager = "manager";
        public const string Admin = "admin";
    }
}
