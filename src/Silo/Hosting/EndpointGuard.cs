using System.Net;
using System.Net.Sockets;

namespace Marquee.Silo.Hosting;

/// <summary>
/// Refuses to start a silo on a port another process already listens on. Orleans binds its
/// listeners with address reuse, which on Linux lets a second silo share the port: the kernel then
/// spreads connections over both, and clients of one deployment land on the other's silo.
/// </summary>
public static class EndpointGuard
{
    /// <summary>Throws when the silo or gateway port is taken, naming it.</summary>
    public static void EnsureFree(SiloOptions silo)
    {
        var address = silo.ListenOnAnyAddress ? IPAddress.Any : silo.ParseAdvertisedAddress() ?? IPAddress.Any;
        EnsureFree(address, silo.SiloPort, "silo");
        EnsureFree(address, silo.GatewayPort, "gateway");
    }

    private static void EnsureFree(IPAddress address, int port, string role)
    {
        // A plain listener, without SO_REUSEPORT: binding fails while anyone listens on the port.
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(address, port));
            probe.Listen();
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new InvalidOperationException(
                $"The {role} port {port} on {address} is already in use by another process; set Silo:{(role == "silo" ? "SiloPort" : "GatewayPort")} to a free port.", ex);
        }
    }
}
