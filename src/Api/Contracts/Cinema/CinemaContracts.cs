using System.ComponentModel.DataAnnotations;
using Marquee.Api.Contracts.Common;
using Marquee.Cinema;

namespace Marquee.Api.Contracts.Cinema;

public sealed record CreateCinemaRequest(
    [property: Required, StringLength(100, MinimumLength = 2)] string Name,
    [property: Required, StringLength(100, MinimumLength = 2)] string Neighbourhood,
    [property: Required, StringLength(200, MinimumLength = 5)] string Address);

public sealed record CinemaResponse(Guid Id, string Name, string Neighbourhood, string Address)
{
    public static CinemaResponse From(CinemaInfo cinema) => new(cinema.Id, cinema.Name, cinema.Neighbourhood, cinema.Address);
}

/// <summary>One row of a seat plan: <c>S</c> standard, <c>P</c> premium, <c>W</c> wheelchair, <c>C</c> companion, <c>X</c> blocked, <c>_</c> gap.</summary>
public sealed record RowPlanRequest(
    [property: Required, RegularExpression("^[A-Za-z]{1,2}$")] string Row,
    [property: Required, RegularExpression("^[SPWCX_]{1,60}$")] string Positions);

public sealed record CreateAuditoriumRequest(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: Required, MinLength(1), MaxLength(SeatPlan.MaxRows), NoNullItems] IReadOnlyList<RowPlanRequest> Rows);

public sealed record AuditoriumResponse(Guid Id, Guid CinemaId, string Name, int Capacity)
{
    public static AuditoriumResponse From(AuditoriumSummary auditorium) => new(auditorium.Id, auditorium.CinemaId, auditorium.Name, auditorium.Capacity);

    public static AuditoriumResponse From(AuditoriumInfo auditorium) => new(auditorium.Id, auditorium.CinemaId, auditorium.Name, auditorium.Capacity);
}
