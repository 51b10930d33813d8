using Marquee.Common;

namespace Marquee.Cinema;

/// <summary>Full price, or meia-entrada: the half price Brazilian law grants students, seniors and others.</summary>
public enum TicketType
{
    Full = 0,
    Half = 1,
}

/// <summary>A seat kind's prices in BRL cents; half price is the full price halved, rounded up to the cent.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Cinema.SeatPrice")]
public sealed record SeatPrice([property: Id(0)] SeatKind SeatKind, [property: Id(1)] long FullCents)
{
    public long HalfCents => (FullCents + 1) / 2;

    public long For(TicketType type) => type == TicketType.Half ? HalfCents : FullCents;
}

/// <summary>What a manager sends to schedule a showtime; the end is computed, never sent.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Cinema.ShowtimeDraft")]
public sealed record ShowtimeDraft(
    [property: Id(0)] Guid AuditoriumId,
    [property: Id(1)] int MovieId,
    [property: Id(2)] DateTimeOffset StartsAt,
    [property: Id(3)] string Format,
    [property: Id(4)] string Audio,
    [property: Id(5)] IReadOnlyDictionary<SeatKind, long> FullPrices);

[GenerateSerializer, Immutable, Alias("Marquee.Cinema.ShowtimeInfo")]
public sealed record ShowtimeInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid CinemaId,
    [property: Id(2)] string CinemaName,
    [property: Id(3)] Guid AuditoriumId,
    [property: Id(4)] string AuditoriumName,
    [property: Id(5)] int MovieId,
    [property: Id(6)] string MovieTitle,
    [property: Id(7)] DateTimeOffset StartsAt,
    [property: Id(8)] DateTimeOffset EndsAt,
    [property: Id(9)] string Format,
    [property: Id(10)] string Audio,
    [property: Id(11)] IReadOnlyList<SeatPrice> Prices,
    [property: Id(12)] int Capacity)
{
    public SeatPrice? PriceOf(SeatKind kind) => Prices.FirstOrDefault(price => price.SeatKind == kind);
}

/// <summary>Listing filters; <see cref="Date"/> is a day in São Paulo time. Without a date, showtimes from now on.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Cinema.ShowtimeFilter")]
public sealed record ShowtimeFilter(
    [property: Id(0)] Guid? CinemaId = null,
    [property: Id(1)] int? MovieId = null,
    [property: Id(2)] DateOnly? Date = null);

public static class ShowtimeRules
{
    public static readonly IReadOnlyList<string> Formats = ["2D", "3D"];
    public static readonly IReadOnlyList<string> AudioOptions = ["dubbed", "subtitled"];
    public const long MaxPriceCents = 100_000;
}

/// <summary>Schedules showtimes and lists them, over the showtimes table.</summary>
[Alias("Marquee.Cinema.IShowtimesGrain")]
public interface IShowtimesGrain : IGrainWithIntegerKey
{
    /// <summary>Schedules a showtime; <see cref="ConflictException"/> when it overlaps another in the auditorium.</summary>
    [Alias("Create")]
    Task<ShowtimeInfo> CreateAsync(Guid showtimeId, ShowtimeDraft draft);

    [Alias("Get")]
    Task<ShowtimeInfo> GetAsync(Guid showtimeId);

    [Alias("List")]
    Task<Page<ShowtimeInfo>> ListAsync(ShowtimeFilter filter, int pageNumber, int pageSize);
}
