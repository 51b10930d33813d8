using Marquee.Cinema;

namespace Marquee.Grains.Tests.Cinema;

internal static class Layouts
{
    /// <summary>
    /// Rows A (front) to J, 30 seats each with aisles after seats 5 and 25 (a skipped column each).
    /// Row A seats 1–2 are wheelchair places and 3–4 companions; row J is premium; J15 is blocked.
    /// 300 seats, 299 for sale.
    /// </summary>
    public static SeatMapSetup Standard()
    {
        var rows = "ABCDEFGHIJ".Select(row => row.ToString()).ToList();
        var seats = new List<SeatDefinition>();
        foreach (var row in rows)
        {
            for (var number = 1; number <= 30; number++)
            {
                var column = number + (number > 5 ? 1 : 0) + (number > 25 ? 1 : 0);
                var kind = (row, number) switch
                {
                    ("A", <= 2) => SeatKind.Wheelchair,
                    ("A", <= 4) => SeatKind.Companion,
                    ("J", 15) => SeatKind.Blocked,
                    ("J", _) => SeatKind.Premium,
                    _ => SeatKind.Standard,
                };
                seats.Add(new SeatDefinition(row, number, column, kind));
            }
        }
        return new SeatMapSetup(rows, seats);
    }
}
