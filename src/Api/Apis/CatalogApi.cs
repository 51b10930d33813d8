using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marquee.Api.Auth;
using Marquee.Api.Contracts.Catalog;
using Marquee.Api.Contracts.Common;
using Marquee.Api.Infrastructure;
using Marquee.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marquee.Api.Apis;

/// <summary>Genres and movies. Genres and a movie's details are public; the movie listing is what the caller's packages unlock.</summary>
public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder api)
    {
        api.MapGet("genres", ListGenresAsync).WithTags("Catalog").WithName("ListGenres")
            .WithSummary("Lists genres (themes).")
            .WithDescription("Genres come from TMDB and are re-synced every two hours; one that disappears upstream stays, marked inactive. Filters help build packages: `name` contains, `active`, `used` by a package on sale, `ids` (comma-separated or repeated).");

        var movies = api.MapGroup("movies").WithTags("Catalog");
        movies.MapGet("", ListMoviesAsync).WithName("ListMovies").RequireAuthorization()
            .WithSummary("Lists the movies the caller's packages unlock.")
            .WithDescription("Only movies with at least one genre of the caller's active packages, filtered by `genreIds` and `title`. Genres in the filter that the caller may not see are ignored, so a filter made only of them answers an empty page.");
        movies.MapGet("{movieId:int}", GetMovieAsync).WithName("GetMovie").Answers(404)
            .WithSummary("One movie's details.")
            .WithDescription("Anonymous; runtime included. A movie not stored yet is fetched from TMDB once and kept (404 when TMDB does not know it either).");

        api.MapGet("catalog/movies", SearchCatalogAsync).WithTags("Catalog").WithName("SearchCatalog").RequireAuthorization(Policies.Manager)
            .WithSummary("Searches the whole stored catalog (manager).")
            .WithDescription("Every stored movie whatever its genres, most popular first, by `title`: what staff schedule showtimes from. Customers see only what their packages unlock, at GET /movies.");
        return api;
    }

    private static async Task<Ok<PagedResponse<GenreResponse>>> ListGenresAsync(
        IClusterClient cluster,
        [StringLength(100)] string? name,
        bool? active,
        bool? used,
        string[]? ids,
        [AsParameters] PageQuery paging)
    {
        var filter = new GenreFilter(name, active, used, QueryLists.ParsePositiveIds(ids, nameof(ids)));
        var page = await cluster.GetGrain<ICatalogGrain>(0).ListGenresAsync(filter, paging.PageNumber, paging.PageSize);
        return TypedResults.Ok(page.ToResponse(GenreResponse.From));
    }

    private static async Task<Ok<PagedResponse<MovieResponse>>> ListMoviesAsync(
        ClaimsPrincipal caller,
        IClusterClient cluster,
        string[]? genreIds,
        [StringLength(200)] string? title,
        [AsParameters] PageQuery paging)
    {
        var filter = new MovieFilter(QueryLists.ParsePositiveIds(genreIds, nameof(genreIds)), title);
        var page = await cluster.GetGrain<ICatalogGrain>(0).ListMoviesForUserAsync(caller.UserId(), filter, paging.PageNumber, paging.PageSize);
        return TypedResults.Ok(page.ToResponse(MovieResponse.From));
    }

    private static async Task<Ok<PagedResponse<MovieResponse>>> SearchCatalogAsync(
        IClusterClient cluster,
        [StringLength(200)] string? title,
        [AsParameters] PageQuery paging) =>
        TypedResults.Ok((await cluster.GetGrain<ICatalogGrain>(0).SearchMoviesAsync(title, paging.PageNumber, paging.PageSize)).ToResponse(MovieResponse.From));

    private static async Task<Ok<MovieResponse>> GetMovieAsync([Range(1, int.MaxValue)] int movieId, IClusterClient cluster) =>
        TypedResults.Ok(MovieResponse.From(await cluster.GetGrain<ICatalogGrain>(0).GetMovieDetailsAsync(movieId)));
}
