using System.Net;
using System.Net.Sockets;

namespace EKyc.Integration.Tests.Support;

/// <summary>Free loopback ports, so test silos running side by side do not collide.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
