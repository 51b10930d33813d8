using Marquee.Common;

namespace Marquee.Cinema;

[GenerateSerializer, Immutable, Alias("Marquee.Cinema.CinemaInfo")]
public sealed record CinemaInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Neighbourhood,
    [property: Id(3)] string Address,
    [property: Id(4)] DateTimeOffset CreatedAt);

[GenerateSerializer, Immutable, Alias("Marquee.Cinema.AuditoriumInfo")]
public sealed record AuditoriumInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid CinemaId,
    [property: Id(2)] string Name,
    [property: Id(3)] int Capacity,
    [property: Id(4)] SeatMapSetup Layout);

/// <summary>
/// An auditorium's rows, front to back, each written as one character per position:
/// <c>S</c> standard, <c>P</c> premium, <c>W</c> wheelchair, <c>C</c> companion, <c>X</c> blocked,
/// <c>_</c> an aisle or gap. Seats are numbered 1.. from the left, skipping gaps.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marquee.Cinema.RowPlan")]
public sealed record RowPlan([property: Id(0)] string Row, [property: Id(1)] string Positions);

public static class SeatPlan
{
    public const int MaxRows = 40;
    public const int MaxPositions = 60;

    /// <summary>Turns row plans into a layout, refusing anything malformed with a field error.</summary>
    public static SeatMapSetup Parse(IReadOnlyList<RowPlan> rows)
    {
        if (rows.Count is 0 or > MaxRows)
        {
            throw new InvalidInputException("rows", $"An auditorium has 1 to {MaxRows} rows.");
        }
        var seats = new List<SeatDefinition>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in rows)
        {
            var row = plan.Row.Trim().ToUpperInvariant();
            if (row.Length is 0 or > 2 || !row.All(char.IsAsciiLetterUpper) || !names.Add(row))
            {
                throw new InvalidInputException("rows", $"Row names are one or two letters and unique ('{plan.Row}').");
            }
            if (plan.Positions.Length is 0 or > MaxPositions)
            {
                throw new InvalidInputException("rows", $"Row {row} has 1 to {MaxPositions} positions.");
            }
            var number = 0;
            for (var column = 0; column < plan.Positions.Length; column++)
            {
                var kind = plan.Positions[column] switch
                {
                    'S' => SeatKind.Standard,
                    'P' => SeatKind.Premium,
                    'W' => SeatKind.Wheelchair,
                    'C' => SeatKind.Companion,
                    'X' => SeatKind.Blocked,
                    '_' => (SeatKind?)null,
                    var other => throw new InvalidInputException("rows", $"Row {row}: '{other}' is not one of S P W C X _."),
                };
                if (kind is { } seatKind)
                {
                    seats.Add(new SeatDefinition(row, ++number, column + 1, seatKind));
                }
            }
        }
        if (seats.Count == 0)
        {
            throw new InvalidInputException("rows", "An auditorium needs at least one seat.");
        }
        return new SeatMapSetup(names.ToList(), seats);
    }
}

/// <summary>A cinema of the chain. Keyed by cinema id.</summary>
[Alias("Marquee.Cinema.ICinemaGrain")]
public interface ICinemaGrain : IGrainWithGuidKey
{
    [Alias("Create")]
    Task<CinemaInfo> CreateAsync(string name, string neighbourhood, string address);

    [Alias("Get")]
    Task<CinemaInfo> GetAsync();

    /// <summary>Adds an auditorium with its seat plan; names are unique within the cinema.</summary>
    [Alias("AddAuditorium")]
    Task<AuditoriumInfo> AddAuditoriumAsync(string name, IReadOnlyList<RowPlan> rows);
}

/// <summary>An auditorium's layout, from which each of its showtimes' seat maps is made. Keyed by auditorium id.</summary>
[Alias("Marquee.Cinema.IAuditoriumGrain")]
public interface IAuditoriumGrain : IGrainWithGuidKey
{
    [Alias("Create")]
    Task<AuditoriumInfo> CreateAsync(Guid cinemaId, string name, SeatMapSetup layout);

    [Alias("Get")]
    Task<AuditoriumInfo> GetAsync();
}

/// <summary>Queries over the cinemas and auditoriums read models.</summary>
[Alias("Marquee.Cinema.ICinemaDirectoryGrain")]
public interface ICinemaDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("ListCinemas")]
    Task<Page<CinemaInfo>> ListCinemasAsync(string? neighbourhood, int pageNumber, int pageSize);

    [Alias("ListAuditoriums")]
    Task<Page<AuditoriumSummary>> ListAuditoriumsAsync(Guid cinemaId, int pageNumber, int pageSize);
}

[GenerateSerializer, Immutable, Alias("Marquee.Cinema.AuditoriumSummary")]
public sealed record AuditoriumSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid CinemaId,
    [property: Id(2)] string Name,
    [property: Id(3)] int Capacity);
