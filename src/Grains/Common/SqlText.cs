namespace Marquee.Common;

internal static class SqlText
{
    /// <summary>A case-insensitive "contains" pattern for <c>lower(column) LIKE $n ESCAPE '\'</c>; null for no filter.</summary>
    public static string? ContainsPattern(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var escaped = text.Trim().ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        return $"%{escaped}%";
    }
}
