namespace Marquee.Api.Auth;

/// <summary>
/// Operator access to the Orleans Dashboard (section <c>Dashboard</c>). Browsers cannot attach bearer
/// tokens to page loads, so the dashboard uses HTTP Basic over its own credentials; without them it is
/// not mapped at all.
/// </summary>
public sealed class OperatorDashboardOptions
{
    public const string Section = "Dashboard";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>When set, the dashboard answers only on this local port (an internal listener, never the public one).</summary>
    public int? Port { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(Username) && !string.IsNullOrEmpty(Password);
}
