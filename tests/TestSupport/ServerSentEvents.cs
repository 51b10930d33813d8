using System.Text.Json;

namespace Marquee.Testing;

public static class ServerSentEvents
{
    /// <summary>Reads the next complete event (its <c>event:</c> name and JSON <c>data:</c>) from an SSE body.</summary>
    public static async Task<(string Event, JsonElement Data)> NextEventAsync(this StreamReader reader, CancellationToken cancellationToken)
    {
        string? name = null;
        string? data = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event:", StringComparison.Ordinal)) name = line[6..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal)) data = line[5..].Trim();
            else if (line.Length == 0 && data is not null) return (name ?? "message", JsonDocument.Parse(data).RootElement);
        }
        throw new EndOfStreamException("the event stream ended");
    }
}
