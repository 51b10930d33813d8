using System.ComponentModel.DataAnnotations;
using Marquee.Api.Contracts.Common;
using Marquee.Cinema;

namespace Marquee.Api.Contracts.Cinema;

/// <summary>
/// One seat. <see cref="Column"/> is its 0-based physical position in the row (the index in the
/// auditorium's row plan): a skipped column is an aisle or gap.
/// </summary>
public sealed record SeatResponse(string Seat, string Row, int Number, int Column, string Kind, string Status)
{
    // The grain counts layout columns from 1.
    public static SeatResponse From(SeatView seat) =>
        new(seat.Seat, seat.Row, seat.Number, Math.Max(0, seat.Column - 1), seat.Kind.ToString().ToLowerInvariant(), seat.Status.ToString().ToLowerInvariant());
}

/// <summary>A showtime's seats; <see cref="SalesOpen"/> turns false for good a while after the showtime starts.</summary>
public sealed record SeatMapResponse(Guid ShowtimeId, long Version, int Capacity, IReadOnlyList<SeatResponse> Seats, bool SalesOpen)
{
    public static SeatMapResponse From(SeatMapSnapshot map) =>
        new(map.ShowtimeId, map.Version, map.Capacity, map.Seats.Select(SeatResponse.From).ToList(), map.SalesOpen);
}

/// <summary>A live change: the seats whose status changed, the map version they lead to, and whether sales are still open.</summary>
public sealed record SeatChangesResponse(Guid ShowtimeId, long Version, IReadOnlyList<SeatResponse> Seats, bool SalesOpen)
{
    public static SeatChangesResponse From(SeatMapChanged change) =>
        new(change.ShowtimeId, change.Version, change.Seats.Select(SeatResponse.From).ToList(), change.SalesOpen);
}

/// <summary>What happened to one seat of a showtime, oldest first: its latest events from the seat journal.</summary>
public sealed record SeatHistoryResponse(Guid ShowtimeId, string Seat, IReadOnlyList<SeatEventResponse> Events)
{
    public static SeatHistoryResponse From(Guid showtimeId, string seat, IReadOnlyList<SeatHistoryEntry> history) =>
        new(showtimeId, seat, history.Select(SeatEventResponse.From).ToList());
}

/// <summary>
/// One event: <see cref="Kind"/> is <c>held</c>, <c>released</c>, <c>expired</c>, <c>attachedToOrder</c>,
/// <c>sold</c>, <c>orderReleased</c> or <c>refunded</c>; <see cref="Version"/> is the seat map's version it made;
/// <see cref="Seats"/> every seat the same event touched (a hold of several seats is one event).
/// </summary>
public sealed record SeatEventResponse(
    long Version,
    DateTimeOffset At,
    string Kind,
    IReadOnlyList<string> Seats,
    Guid? HoldId,
    Guid? UserId,
    string? UserEmail,
    Guid? OrderId,
    DateTimeOffset? ExpiresAt)
{
    public static SeatEventResponse From(SeatHistoryEntry entry) => new(
        entry.Sequence,
        entry.At,
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(entry.Kind.ToString()),
        entry.Seats,
        entry.HoldId,
        entry.UserId,
        entry.UserEmail,
        entry.OrderId,
        entry.ExpiresAt);
}

/// <summary>Either named seats or a quantity of a kind for best-available; not both.</summary>
[RequireOneOf(nameof(Seats), nameof(Quantity))]
public sealed partial record HoldRequest(
    [property: MaxLength(10), NoNullItems] IReadOnlyList<string>? Seats,
    [property: Range(1, 10)] int? Quantity,
    [property: AllowedValues(null, "standard", "premium", "wheelchair", "companion")] string? SeatKind) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var named = Seats is { Count: > 0 };
        if (named && Seats!.Any(seat => seat is null || !SeatLabel().IsMatch(seat)))
        {
            yield return new ValidationResult("Seats look like F7: a row letter and a number.", [nameof(Seats)]);
        }
        if (named && SeatKind is not null)
        {
            yield return new ValidationResult("seatKind goes with quantity, not with named seats.", [nameof(SeatKind)]);
        }
    }
}

public sealed partial record HoldRequest
{
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z]{1,2}[0-9]{1,3}$")]
    private static partial System.Text.RegularExpressions.Regex SeatLabel();
}

public sealed record HoldResponse(Guid HoldId, IReadOnlyList<string> Seats, DateTimeOffset ExpiresAt);
