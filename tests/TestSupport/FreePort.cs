using System.Net;
using System.Net.Sockets;

namespace Marquee.Testing;

public static class FreePort
{
    private static readonly (int Low, int High) Ephemeral = ReadEphemeralRange();

    // Never the same port twice in one test process, though the first taker may not have bound it yet.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte> HandedOut = new();

    /// <summary>
    /// A loopback port nobody listens on right now, drawn outside the kernel's ephemeral range (as
    /// scripts/postgres.sh's free_port does). A port the OS hands out for "any port" comes from that
    /// range, where the next outgoing connection of any process may take it before our server binds.
    /// </summary>
    public static int Next()
    {
        var (low, high) = Ephemeral.Low > 21_000 ? (20_000, Ephemeral.Low) : (Ephemeral.High + 1, 65_536);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(low, high);
            if (IsBindable(port) && HandedOut.TryAdd(port, 0))
            {
                return port;
            }
        }
        throw new InvalidOperationException($"No free loopback port between {low} and {high - 1}.");
    }

    private static bool IsBindable(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static (int Low, int High) ReadEphemeralRange()
    {
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (32_768, 60_999);
        }
    }
}
