using System.ComponentModel.DataAnnotations;
using Marquee.Api.Infrastructure;
using Marquee.Api.Auth;
using Marquee.Api.Contracts.Cinema;
using Marquee.Api.Contracts.Common;
using Marquee.Cinema;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Api.Apis;

/// <summary>Cinemas and their auditoriums: public to read, managers to change.</summary>
public static class CinemasApi
{
    public static RouteGroupBuilder MapCinemasApi(this RouteGroupBuilder api)
    {
        var cinemas = api.MapGroup("cinemas").WithTags("Cinemas");
        cinemas.MapGet("", ListAsync).WithName("ListCinemas")
            .WithSummary("Lists the chain's cinemas.")
            .WithDescription("Anonymous, paginated; `neighbourhood` keeps the cinemas of one São Paulo neighbourhood.");
        cinemas.MapPost("", CreateAsync).WithName("CreateCinema").RequireAuthorization(Policies.Manager).Answers(409)
            .WithSummary("Opens a cinema (manager).")
            .WithDescription("Name, neighbourhood and address; 409 when another cinema already has the name.");
        cinemas.MapGet("{cinemaId:guid}", GetAsync).WithName("GetCinema").Answers(404)
            .WithSummary("One cinema.")
            .WithDescription("Anonymous.");
        cinemas.MapGet("{cinemaId:guid}/auditoriums", ListAuditoriumsAsync).WithName("ListAuditoriums").Answers(404)
            .WithSummary("A cinema's auditoriums.")
            .WithDescription("Anonymous; each with its capacity.");
        cinemas.MapPost("{cinemaId:guid}/auditoriums", AddAuditoriumAsync).WithName("AddAuditorium").RequireAuthorization(Policies.Manager).Answers(404, 409)
            .WithSummary("Adds an auditorium from a seat plan (manager).")
            .WithDescription("One string per row, one character per position: `S` standard, `P` premium, `W` wheelchair, `C` companion, `X` blocked, `_` a gap (aisle). Seats are numbered from 1 in each row, gaps skipped. Sending the same name and plan again answers the same auditorium (a safe retry); 409 when the cinema already has an auditorium of that name with another plan.");
        return api;
    }

    private static async Task<Ok<PagedResponse<CinemaResponse>>> ListAsync(
        IClusterClient cluster,
        [StringLength(100)] string? neighbourhood,
        [AsParameters] PageQuery paging) =>
        TypedResults.Ok((await cluster.GetGrain<ICinemaDirectoryGrain>(0).ListCinemasAsync(neighbourhood, paging.PageNumber, paging.PageSize)).ToResponse(CinemaResponse.From));

    private static async Task<Created<CinemaResponse>> CreateAsync(CreateCinemaRequest request, IClusterClient cluster)
    {
        var cinema = await cluster.GetGrain<ICinemaGrain>(Guid.NewGuid()).CreateAsync(request.Name, request.Neighbourhood, request.Address);
        return TypedResults.Created($"/api/v1/cinemas/{cinema.Id}", CinemaResponse.From(cinema));
    }

    private static async Task<Ok<CinemaResponse>> GetAsync(Guid cinemaId, IClusterClient cluster) =>
        TypedResults.Ok(CinemaResponse.From(await cluster.GetGrain<ICinemaGrain>(cinemaId).GetAsync()));

    private static async Task<Ok<PagedResponse<AuditoriumResponse>>> ListAuditoriumsAsync(
        Guid cinemaId,
        IClusterClient cluster,
        [AsParameters] PageQuery paging)
    {
        await cluster.GetGrain<ICinemaGrain>(cinemaId).GetAsync();
        var page = await cluster.GetGrain<ICinemaDirectoryGrain>(0).ListAuditoriumsAsync(cinemaId, paging.PageNumber, paging.PageSize);
        return TypedResults.Ok(page.ToResponse(AuditoriumResponse.From));
    }

    private static async Task<Created<AuditoriumResponse>> AddAuditoriumAsync(Guid cinemaId, CreateAuditoriumRequest request, IClusterClient cluster)
    {
        var auditorium = await cluster.GetGrain<ICinemaGrain>(cinemaId)
            .AddAuditoriumAsync(request.Name, request.Rows.Select(row => new RowPlan(row.Row, row.Positions)).ToList());
        return TypedResults.Created($"/api/v1/cinemas/{cinemaId}/auditoriums/{auditorium.Id}", AuditoriumResponse.From(auditorium));
    }
}
