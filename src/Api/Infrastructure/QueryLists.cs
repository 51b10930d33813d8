using System.Globalization;
using Marquee.Common;

namespace Marquee.Api.Infrastructure;

/// <summary>Id lists in query strings, written either way clients do: <c>ids=1,2</c> or <c>ids=1&amp;ids=2</c>.</summary>
public static class QueryLists
{
    public const int MaxIds = 100;

    /// <returns>Null when the parameter is absent; a 400 problem (via <see cref="InvalidInputException"/>) when any part is not a positive integer.</returns>
    public static IReadOnlyList<int>? ParsePositiveIds(string[]? values, string parameter)
    {
        if (values is null || values.Length == 0)
        {
            return null;
        }
        var ids = new List<int>();
        foreach (var part in values.SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                throw new InvalidInputException(parameter, $"'{Truncate(part)}' is not a positive integer id.");
            }
            ids.Add(id);
        }
        if (ids.Count == 0)
        {
            throw new InvalidInputException(parameter, "Name at least one id, or leave the parameter out.");
        }
        if (ids.Count > MaxIds)
        {
            throw new InvalidInputException(parameter, $"At most {MaxIds} ids.");
        }
        return ids;
    }

    private static string Truncate(string value) => value.Length <= 20 ? value : value[..20] + "…";
}
