using System.ComponentModel.DataAnnotations;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Marquee.Api.Infrastructure;
using Marquee.Api.Auth;
using Marquee.Api.Contracts.Cinema;
using Marquee.Api.Contracts.Common;
using Marquee.Api.Live;
using Marquee.Cinema;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Api.Apis;

/// <summary>Seat maps (with ETag revalidation and a live stream) and seat holds of a showtime.</summary>
public static class ShowtimesApi
{
    public static RouteGroupBuilder MapShowtimesApi(this RouteGroupBuilder api)
    {
        var schedule = api.MapGroup("showtimes").WithTags("Showtimes");
        schedule.MapGet("", ListAsync).WithName("ListShowtimes")
            .WithSummary("Lists showtimes.")
            .WithDescription("Anonymous, paginated, by start. Filters: `cinemaId`, `movieId` and `date` (a São Paulo calendar day, `2026-11-24`); without a date, from now on.");
        schedule.MapPost("", CreateAsync).WithName("CreateShowtime").RequireAuthorization(Policies.Manager).Answers(409)
            .WithSummary("Schedules a movie in an auditorium (manager).")
            .WithDescription("The end is the movie's runtime plus cleaning time; 409 names the showtime it would overlap in that auditorium. Prices are full prices per seat kind the auditorium sells; meia-entrada is half. Wheelchair and companion seats cost what standard seats cost unless priced apart.");
        schedule.MapGet("{showtimeId:guid}", GetAsync).WithName("GetShowtime").Answers(404)
            .WithSummary("One showtime.")
            .WithDescription("Anonymous; with its cinema, auditorium, movie, format, audio and `prices` per seat kind (full and half).");

        var showtimes = api.MapGroup("showtimes/{showtimeId:guid}").WithTags("Showtimes");
        showtimes.MapGet("seats", GetSeatsAsync).WithName("GetSeatMap")
            .Produces<SeatMapResponse>().Produces(StatusCodes.Status304NotModified).Answers(404)
            .ReadsHeader("If-None-Match", required: false, "The ETag of the seat map the client has; 304 when it is still current.")
            .SendsHeader(StatusCodes.Status200OK, "ETag", "The seat map's version.")
            .WithSummary("A showtime's seat map.")
            .WithDescription("Anonymous. Every seat with its row, number, column (its physical position in the row, so gaps show), kind and status: `available`, `held`, `sold` or `blocked`, never who holds it; `salesOpen` turns false once sales closed (15 minutes after the start).");
        showtimes.MapGet("seats/stream", StreamSeatsAsync).WithName("StreamSeatMap").Answers(404)
            .WithSummary("The seat map, live (Server-Sent Events).")
            .WithDescription("Anonymous. A `snapshot` event with the whole map, then a `seats` event per change with the seats whose status changed and the map's new version, whichever silo and API instance made it. Event ids are versions.");
        showtimes.MapGet("seats/{seat}/history", GetSeatHistoryAsync).WithName("GetSeatHistory").RequireAuthorization(Policies.Manager).Answers(404)
            .WithSummary("What happened to one seat (staff).")
            .WithDescription("From the showtime's seat journal, oldest first (at most the latest 500 events): each hold, release, expiry, order taking the hold, sale, order letting it go and refund, when it happened, and whose hold or order it was (account id and email). 404 when the showtime or the seat does not exist. Answers support's question: who held or bought this seat, and when.");
        showtimes.MapPost("holds", HoldAsync).WithName("HoldSeats").RequireAuthorization().Answers(404, 409)
            .WithSummary("Holds seats for the caller.")
            .WithDescription("Named seats (`seats`) or the best `quantity` of a `seatKind` (together in one row, nearest the centre of the best rows), all or nothing: 409 names the seats that are not available. A hold lasts 10 minutes unless an order takes it, and never past the close of sales (15 minutes after the start), after which holds are 409; at most 10 seats per person per showtime.");
        showtimes.MapDelete("holds/{holdId:guid}", ReleaseAsync).WithName("ReleaseHold").RequireAuthorization().Answers(404, 409)
            .WithSummary("Releases one of the caller's holds.")
            .WithDescription("The seats go back on sale at once. 404 for a hold that is not the caller's; 409 when an order already took it (cancel the order instead).");
        return api;
    }

    private static async Task<Ok<PagedResponse<ShowtimeResponse>>> ListAsync(
        IClusterClient cluster,
        Guid? cinemaId,
        [Range(1, int.MaxValue)] int? movieId,
        DateOnly? date,
        [AsParameters] PageQuery paging) =>
        TypedResults.Ok((await cluster.GetGrain<IShowtimesGrain>(0).ListAsync(new ShowtimeFilter(cinemaId, movieId, date), paging.PageNumber, paging.PageSize))
            .ToResponse(ShowtimeResponse.From));

    private static async Task<Created<ShowtimeResponse>> CreateAsync(CreateShowtimeRequest request, IClusterClient cluster)
    {
        var showtime = await cluster.GetGrain<IShowtimesGrain>(0).CreateAsync(Guid.CreateVersion7(), request.ToDraft());
        return TypedResults.Created($"/api/v1/showtimes/{showtime.Id}", ShowtimeResponse.From(showtime));
    }

    private static async Task<Ok<ShowtimeResponse>> GetAsync(Guid showtimeId, IClusterClient cluster) =>
        TypedResults.Ok(ShowtimeResponse.From(await cluster.GetGrain<IShowtimesGrain>(0).GetAsync(showtimeId)));

    private static async Task<IResult> GetSeatsAsync(Guid showtimeId, SeatMapCache cache, HttpContext http)
    {
        var entry = await cache.GetAsync(showtimeId);
        http.Response.Headers.ETag = entry.ETag;
        http.Response.Headers.CacheControl = "no-cache";
        if (http.Request.Headers.IfNoneMatch.Any(tag => tag == entry.ETag || tag == "*"))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Bytes(entry.Body, "application/json");
    }

    private static async Task<ServerSentEventsResult<object>> StreamSeatsAsync(
        Guid showtimeId, IClusterClient cluster, SeatMapBroadcaster broadcaster, CancellationToken cancellationToken)
    {
        // Join before reading the snapshot: a change in between arrives as an event, never falls in the gap.
        var viewer = await broadcaster.JoinAsync(showtimeId);
        try
        {
            var snapshot = await cluster.GetGrain<IShowtimeSeatsGrain>(showtimeId).GetSeatMapAsync();
            return TypedResults.ServerSentEvents(EventsAsync(snapshot, viewer, cancellationToken));
        }
        catch
        {
            await viewer.DisposeAsync();
            throw;
        }
    }

    private static async IAsyncEnumerable<SseItem<object>> EventsAsync(
        SeatMapSnapshot snapshot, SeatMapBroadcaster.Viewer viewer, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var _ = viewer;
        yield return new SseItem<object>(SeatMapResponse.From(snapshot), "snapshot") { EventId = snapshot.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var seen = snapshot.Version;
        while (true)
        {
            SeatMapBroadcaster.LiveChange change;
            try
            {
                change = await viewer.Changes.ReadAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            if (change.Version <= seen)
            {
                continue;
            }
            seen = change.Version;
            // Bytes are written as they are: the change's JSON, made once for every viewer.
            yield return new SseItem<object>(change.Json, "seats") { EventId = change.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
    }

    private static async Task<Ok<SeatHistoryResponse>> GetSeatHistoryAsync(
        Guid showtimeId, [RegularExpression("^[A-Za-z]{1,2}[0-9]{1,3}$", ErrorMessage = "A seat looks like F7: a row letter and a number.")] string seat, IClusterClient cluster)
    {
        var label = seat.ToUpperInvariant();
        var history = await cluster.GetGrain<IShowtimeSeatsGrain>(showtimeId).GetSeatHistoryAsync(label);
        return TypedResults.Ok(SeatHistoryResponse.From(showtimeId, label, history));
    }

    private static async Task<Created<HoldResponse>> HoldAsync(Guid showtimeId, HoldRequest request, ClaimsPrincipal caller, IClusterClient cluster)
    {
        var seats = cluster.GetGrain<IShowtimeSeatsGrain>(showtimeId);
        var hold = request.Seats is { Count: > 0 } named
            ? await seats.HoldSeatsAsync(caller.UserId(), named)
            : await seats.HoldBestAvailableAsync(caller.UserId(), request.Quantity!.Value, Enum.Parse<SeatKind>(request.SeatKind ?? "standard", ignoreCase: true));
        return TypedResults.Created($"/api/v1/showtimes/{showtimeId}/holds/{hold.HoldId}", new HoldResponse(hold.HoldId, hold.Seats, hold.ExpiresAt));
    }

    private static async Task<NoContent> ReleaseAsync(Guid showtimeId, Guid holdId, ClaimsPrincipal caller, IClusterClient cluster)
    {
        await cluster.GetGrain<IShowtimeSeatsGrain>(showtimeId).ReleaseHoldAsync(caller.UserId(), holdId);
        return TypedResults.NoContent();
    }
}
