using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace Marquee.Api.Contracts.Common;

/// <summary>The page a listing is asked for (<c>?pageNumber=&amp;pageSize=</c>), bound with [AsParameters]: pages start at 1, at most 100 items.</summary>
public sealed record PageQuery(
    [property: FromQuery(Name = "pageNumber"), Range(1, Paging.MaxPageNumber)] int PageNumber = 1,
    [property: FromQuery(Name = "pageSize"), Range(1, Paging.MaxPageSize)] int PageSize = Paging.DefaultPageSize);

/// <summary>The envelope every listing answers with.</summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Data, PaginationInfo Pagination);

public sealed record PaginationInfo(int PageNumber, int PageSize, int TotalPages, bool LastPage, bool FirstPage)
{
    public static PaginationInfo For(int pageNumber, int pageSize, long totalItems)
    {
        var totalPages = (int)Math.Ceiling(totalItems / (double)pageSize);
        return new PaginationInfo(pageNumber, pageSize, totalPages, pageNumber >= totalPages, pageNumber == 1);
    }
}

public static class Paging
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;
    public const int MaxPageNumber = 100_000;

    public static PagedResponse<TOut> ToResponse<TIn, TOut>(this Marquee.Common.Page<TIn> page, Func<TIn, TOut> map) =>
        new(page.Items.Select(map).ToList(), PaginationInfo.For(page.PageNumber, page.PageSize, page.TotalItems));
}
