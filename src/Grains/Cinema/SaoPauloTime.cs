namespace Marquee.Cinema;

/// <summary>The chain's local time: a "date" in a showtime filter is a day in São Paulo.</summary>
public static class SaoPauloTime
{
    // Brazil dropped daylight saving in 2019; the fixed offset only serves hosts without tzdata.
    public static readonly TimeZoneInfo Zone = TryFind("America/Sao_Paulo")
        ?? TimeZoneInfo.CreateCustomTimeZone("America/Sao_Paulo", TimeSpan.FromHours(-3), "São Paulo", "BRT");

    /// <summary>The instants a São Paulo calendar day spans, [start, end).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) DayBounds(DateOnly date) =>
        (At(date, TimeOnly.MinValue), At(date.AddDays(1), TimeOnly.MinValue));

    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    private static TimeZoneInfo? TryFind(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
    }
}
