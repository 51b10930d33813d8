using System.Net.Http.Json;

namespace Marquee.Bench;

/// <summary>
/// The conventional service (bench/Marquee.Baseline): the same seat routes and tokens as the product,
/// served by ASP.NET Core and one PostgreSQL statement per request.
/// </summary>
public sealed class Conventional(ApiSession api, TokenMinter tokens, Uri address)
{
    public HttpClient Customer() => api.NewClient(tokens.Mint("customer"), address);

    public HttpClient Anonymous() => api.NewClient(baseAddress: address);

    /// <summary>A showtime laid out like the venue's auditoriums, all seats free.</summary>
    public async Task<Guid> ShowtimeAsync()
    {
        var showtime = Guid.NewGuid();
        using var client = Anonymous();
        using var response = await client.PutAsJsonAsync($"/bench/showtimes/{showtime}", new { rows = Venue.Rows, seatsPerRow = Venue.SeatsPerRow });
        response.EnsureSuccessStatusCode();
        return showtime;
    }
}
