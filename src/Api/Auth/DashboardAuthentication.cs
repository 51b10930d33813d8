using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using idunno.Authentication.Basic;
using Microsoft.AspNetCore.Authentication;

namespace Marquee.Api.Auth;

public static class DashboardAuthentication
{
    public const string Scheme = "Operator";
    public const string Policy = "dashboard";

    /// <summary>Registers the Basic scheme that guards the dashboard and the policy that requires it.</summary>
    public static AuthenticationBuilder AddOperatorBasic(this AuthenticationBuilder authentication, OperatorDashboardOptions dashboard)
    {
        authentication.AddBasic(Scheme, basic =>
        {
            basic.Realm = "Marquee operations";
            // Basic credentials over plain HTTP are acceptable only because the listener is internal (loopback or cluster network).
            basic.AllowInsecureProtocol = true;
            basic.Events = new BasicAuthenticationEvents
            {
                OnValidateCredentials = context =>
                {
                    if (dashboard.Enabled && Matches(context.Username, dashboard.Username!) && Matches(context.Password, dashboard.Password!))
                    {
                        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
                            [new Claim("sub", context.Username), new Claim("role", Policies.Roles.Admin)], Scheme, "sub", "role"));
                        context.Success();
                    }
                    return Task.CompletedTask;
                },
            };
        });
        return authentication;
    }

    private static bool Matches(string supplied, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(supplied)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
