using System.ComponentModel.DataAnnotations;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
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
            .WithSummary("Showtimes by cinema, movie and date (a São Paulo day); without a date, from now on.");
        schedule.MapPost("", CreateAsync).WithName("CreateShowtime").RequireAuthorization(Policies.Manager)
            .WithSummary("Schedules a movie in an auditorium; the end is the runtime plus cleaning time; 409 when it overlaps another.");
        schedule.MapGet("{showtimeId:guid}", GetAsync).WithName("GetShowtime");

        var showtimes = api.MapGroup("showtimes/{showtimeId:guid}").WithTags("Showtimes");
        showtimes.MapGet("seats", GetSeatsAsync).WithName("GetSeatMap")
            .WithSummary("Every seat and its status; send If-None-Match with the last ETag to get 304 when nothing changed.")
            .Produces<SeatMapResponse>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        showtimes.MapGet("seats/stream", StreamSeatsAsync).WithName("StreamSeatMap")
            .WithSummary("Server-Sent Events: a 'snapshot' event, then a 'seats' event per change, from whichever silo.");
        showtimes.MapPost("holds", HoldAsync).WithName("HoldSeats").RequireAuthorization()
            .WithSummary("Holds named seats or the best N of a kind, all or nothing; 409 names the taken seats.");
        showtimes.MapDelete("holds/{holdId:guid}", ReleaseAsync).WithName("ReleaseHold").RequireAuthorization();
        return api;
    }

    private static async Task<Ok<PagedResponse<ShowtimeResponse>>> ListAsync(
        IClusterClient cluster,
        Guid? cinemaId,
        [Range(1, int.MaxValue)] int? movieId,
        DateOnly? date,
        [Range(1, 100_000)] int pageNumber = 1,
        [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok((await cluster.GetGrain<IShowtimesGrain>(0).ListAsync(new ShowtimeFilter(cinemaId, movieId, date), pageNumber, pageSize))
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
            SeatMapChanged change;
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
            yield return new SseItem<object>(SeatChangesResponse.From(change), "seats") { EventId = change.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
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
