using System.ComponentModel.DataAnnotations;
using Marquee.Cinema;

namespace Marquee.Api.Contracts.Cinema;

/// <summary>Full prices in BRL cents per seat kind; half price (meia-entrada) is derived. Wheelchair and companion default to standard.</summary>
public sealed record ShowtimePricesRequest(
    [property: Range(1, ShowtimeRules.MaxPriceCents)] long? Standard,
    [property: Range(1, ShowtimeRules.MaxPriceCents)] long? Premium,
    [property: Range(1, ShowtimeRules.MaxPriceCents)] long? Wheelchair,
    [property: Range(1, ShowtimeRules.MaxPriceCents)] long? Companion)
{
    public IReadOnlyDictionary<SeatKind, long> ToDictionary()
    {
        var prices = new Dictionary<SeatKind, long>();
        if (Standard is { } standard) prices[SeatKind.Standard] = standard;
        if (Premium is { } premium) prices[SeatKind.Premium] = premium;
        if (Wheelchair is { } wheelchair) prices[SeatKind.Wheelchair] = wheelchair;
        if (Companion is { } companion) prices[SeatKind.Companion] = companion;
        return prices;
    }
}

/// <summary>Schedules a movie in an auditorium; the cinema is the auditorium's and the end is computed from the runtime.</summary>
public sealed record CreateShowtimeRequest(
    [property: Required] Guid? AuditoriumId,
    [property: Required, Range(1, int.MaxValue)] int? MovieId,
    [property: Required] DateTimeOffset? StartsAt,
    [property: Required, AllowedValues("2D", "3D", "2d", "3d")] string Format,
    [property: Required, AllowedValues("dubbed", "subtitled")] string Audio,
    [property: Required] ShowtimePricesRequest Prices)
{
    public ShowtimeDraft ToDraft() => new(AuditoriumId!.Value, MovieId!.Value, StartsAt!.Value, Format, Audio, Prices.ToDictionary());
}

public sealed record SeatPriceResponse(string SeatKind, long FullCents, long HalfCents);

public sealed record ShowtimeResponse(
    Guid Id, Guid CinemaId, string CinemaName, Guid AuditoriumId, string AuditoriumName, int MovieId, string MovieTitle,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Format, string Audio, int Capacity, string Currency,
    IReadOnlyList<SeatPriceResponse> Prices)
{
    public static ShowtimeResponse From(ShowtimeInfo showtime) => new(
        showtime.Id, showtime.CinemaId, showtime.CinemaName, showtime.AuditoriumId, showtime.AuditoriumName, showtime.MovieId, showtime.MovieTitle,
        showtime.StartsAt, showtime.EndsAt, showtime.Format, showtime.Audio, showtime.Capacity, "BRL",
        showtime.Prices.Select(price => new SeatPriceResponse(price.SeatKind.ToString().ToLowerInvariant(), price.FullCents, price.HalfCents)).ToList());
}
