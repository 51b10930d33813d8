using Marquee.Common;

namespace Marquee.Identity;

/// <summary>8–128 characters and not on the bundled list of passwords every attacker tries first.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    private static readonly HashSet<string> Common = LoadCommon();

    public static void Check(string password, string field = "password")
    {
        if (password.Length is < MinLength or > MaxLength)
        {
            throw new InvalidInputException(field, $"Passwords are {MinLength} to {MaxLength} characters long.");
        }
        if (Common.Contains(password.ToLowerInvariant()))
        {
            throw new InvalidInputException(field, "This password is too common; choose another.");
        }
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Marquee.Identity.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
    }
}
