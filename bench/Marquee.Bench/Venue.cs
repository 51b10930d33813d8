using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Marquee.Bench;

/// <summary>A cinema with 300-seat auditoriums and showtimes in them, made through the API as a manager would.</summary>
public sealed class Venue(HttpClient manager)
{
    public const int Rows = 15;
    public const int SeatsPerRow = 20;
    private const int MovieId = 603;

    private Guid _cinemaId;
    private int _auditoriums;
    private readonly ConcurrentDictionary<Guid, StrongBox<int>> _sessions = new();

    public static async Task<Venue> CreateAsync(HttpClient manager)
    {
        var venue = new Venue(manager);
        var cinema = await ReadAsync(await manager.PostAsJsonAsync("/api/v1/cinemas",
            new { name = $"Bench {Guid.NewGuid():N}"[..20], neighbourhood = "Bela Vista", address = "Avenida Paulista, 1578" }));
        venue._cinemaId = cinema.GetProperty("id").GetGuid();
        return venue;
    }

    /// <summary>A new auditorium of 15 rows × 20 standard seats.</summary>
    public async Task<Guid> AuditoriumAsync()
    {
        var rows = Enumerable.Range(0, Rows).Select(row => new { row = ((char)('A' + row)).ToString(), positions = new string('S', SeatsPerRow) });
        var auditorium = await ReadAsync(await manager.PostAsJsonAsync($"/api/v1/cinemas/{_cinemaId}/auditoriums",
            new { name = $"Sala {Interlocked.Increment(ref _auditoriums)}", rows }));
        return auditorium.GetProperty("id").GetGuid();
    }

    /// <summary>A showtime in the auditorium, four hours after the previous one scheduled in it through this venue.</summary>
    public async Task<Guid> ShowtimeAsync(Guid auditoriumId)
    {
        var slot = Interlocked.Increment(ref _sessions.GetOrAdd(auditoriumId, _ => new StrongBox<int>()).Value);
        var showtime = await ReadAsync(await manager.PostAsJsonAsync("/api/v1/showtimes", new
        {
            auditoriumId, movieId = MovieId, format = "2D", audio = "dubbed",
            startsAt = DateTimeOffset.UtcNow.Date.AddDays(2).AddHours(4 * slot),
            prices = new { standard = 3000 },
        }));
        return showtime.GetProperty("id").GetGuid();
    }

    public static string Seat(int index) => $"{(char)('A' + index / SeatsPerRow % Rows)}{index % SeatsPerRow + 1}";

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
