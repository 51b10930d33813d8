using System.Collections.Concurrent;
using System.Text.Json;
using Marquee.Api.Contracts.Cinema;
using Marquee.Cinema;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Marquee.Api.Live;

/// <summary>
/// The seat-map body serialized once per map version per API instance. A request costs one small
/// grain call asking "changed since version N?"; only a new version moves the map and is serialized.
/// </summary>
public sealed class SeatMapCache(IClusterClient cluster, IOptions<JsonOptions> json)
{
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    public sealed record Entry(long Version, string ETag, byte[] Body);

    public async Task<Entry> GetAsync(Guid showtimeId)
    {
        var cached = _entries.GetValueOrDefault(showtimeId);
        var changed = await cluster.GetGrain<IShowtimeSeatsGrain>(showtimeId).GetSeatMapIfChangedAsync(cached?.Version ?? -1);
        if (changed is null)
        {
            return cached!;
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(SeatMapResponse.From(changed), json.Value.SerializerOptions);
        var entry = new Entry(changed.Version, $"\"{showtimeId:N}-{changed.Version}\"", body);
        _entries.AddOrUpdate(showtimeId, entry, (_, existing) => existing.Version >= entry.Version ? existing : entry);
        return entry;
    }
}
