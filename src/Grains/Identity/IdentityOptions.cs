using System.ComponentModel.DataAnnotations;

namespace Marquee.Identity;

/// <summary>Account security parameters (section <c>Identity</c>).</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>PBKDF2-HMAC-SHA512 iterations; raising it rehashes each password at its next sign-in.</summary>
    [Range(220_000, 10_000_000)]
    public int PasswordIterations { get; set; } = 220_000;

    /// <summary>Consecutive failed sign-ins that lock an account.</summary>
    [Range(3, 100)]
    public int LockoutThreshold { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts one email address may see per window, whether or not the account exists.</summary>
    [Range(1, 1000)]
    public int SignInAttemptsPerWindow { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan RefreshSessionLifetime { get; set; } = TimeSpan.FromDays(14);

    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Base of the reset link mailed to users; from configuration, never from a request.</summary>
    [Required, Url]
    public string PasswordResetUrl { get; set; } = "http://127.0.0.1:5080/reset-password";
}
