using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marquee.Baseline;

public sealed record HoldRequest(List<string>? Seats);

public sealed record LayoutRequest(int Rows, int SeatsPerRow);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HoldRequest))]
[JsonSerializable(typeof(LayoutRequest))]
[JsonSerializable(typeof(Hold))]
[JsonSerializable(typeof(SeatMap))]
internal sealed partial class BaselineJson : JsonSerializerContext;
