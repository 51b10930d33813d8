namespace Marquee.Common;

/// <summary>One page of a listing, as read models return it; the API wraps it in the pagination envelope.</summary>
[GenerateSerializer, Immutable, Alias("Marquee.Common.Page`1")]
public sealed record Page<T>(
    [property: Id(0)] IReadOnlyList<T> Items,
    [property: Id(1)] int PageNumber,
    [property: Id(2)] int PageSize,
    [property: Id(3)] long TotalItems);
