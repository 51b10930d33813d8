using System.Text.Json;
using Marquee.Api.Contracts.Cinema;
using Marquee.Cinema;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Marquee.Api.Live;

/// <summary>
/// The seat-map body serialized once per map version per API instance. A request costs one small
/// grain call asking "changed since version N?"; only a new version moves the map and is serialized.
/// </summary>
public sealed class SeatMapCache(IClusterClient cluster, IOptions<JsonOptions> json, IMemoryCache memory)
{
    // Showtimes nobody looks at for a while leave the cache; the next request re-reads the grain.
    private static readonly MemoryCacheEntryOptions Retention = new() { SlidingExpiration = TimeSpan.FromMinutes(10) };

    // A closed map lets go of its memory after each read; for a while this copy answers without waking it.
    // Only a refund still changes it (a seat back to free, where nothing sells), so a minute behind is fine.
    private static readonly MemoryCacheEntryOptions ClosedRetention = new() { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) };

    public sealed record Entry(long Version, string ETag, byte[] Body, bool SalesOpen);

    public async Task<Entry> GetAsync(Guid showtimeId)
    {
        var cached = memory.Get<Entry>(showtimeId);
        if (cached is { SalesOpen: false })
        {
            return cached;
        }
        var changed = await cluster.GetGrain<IShowtimeSeatsGrain>(showtimeId).GetSeatMapIfChangedAsync(cached?.Version ?? -1);
        if (changed is null)
        {
            return cached!;
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(SeatMapResponse.From(changed), json.Value.SerializerOptions);
        var entry = new Entry(changed.Version, $"\"{showtimeId:N}-{changed.Version}\"", body, changed.SalesOpen);
        // Racing requests may briefly store an older version; harmless, as the next request asks the grain
        // "changed since that version?" and gets the newer map.
        if (memory.Get<Entry>(showtimeId) is not { } current || current.Version < entry.Version)
        {
            memory.Set(showtimeId, entry, entry.SalesOpen ? Retention : ClosedRetention);
        }
        return entry;
    }
}
