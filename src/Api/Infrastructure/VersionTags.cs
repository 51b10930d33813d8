using Microsoft.Net.Http.Headers;

namespace Marquee.Api.Infrastructure;

/// <summary>Versions as strong entity tags, and the If-Match precondition that guards writes with them.</summary>
public static class VersionTags
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>The version an <c>If-Match</c> names; null when the header is absent, or <c>*</c>, which names no version.</summary>
    public static IfMatch ReadIfMatch(HttpRequest request)
    {
        var raw = request.Headers.IfMatch;
        if (raw.Count == 0 || string.IsNullOrWhiteSpace(raw.ToString()))
        {
            return IfMatch.Absent;
        }
        if (!EntityTagHeaderValue.TryParseList(raw, out var tags) || tags.Count == 0 || tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any)))
        {
            return IfMatch.Absent;
        }
        // Strong comparison (RFC 9110 §13.1.1): a weak tag never matches, so it reads as a version nobody has.
        var strong = tags.FirstOrDefault(tag => !tag.IsWeak);
        return strong is not null && int.TryParse(strong.Tag.AsSpan().Trim('"'), out var version) && version > 0
            ? new IfMatch(true, version)
            : new IfMatch(true, 0);
    }

    public readonly record struct IfMatch(bool Present, int Version)
    {
        public static IfMatch Absent => default;
    }
}
