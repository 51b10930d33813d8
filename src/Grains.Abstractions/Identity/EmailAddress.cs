namespace Marquee.Identity;

public static class EmailAddress
{
    /// <summary>The key emails are unique by: trimmed and lower-cased (invariant).</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
