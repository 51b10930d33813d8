using System.Net;
using System.Net.Sockets;

namespace Marquee.Silo.Hosting;

/// <summary>A loopback port nobody listens on right now, for a short-lived silo beside a running one.</summary>
public static class SparePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
