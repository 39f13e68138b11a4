using System.Net;
using System.Net.Sockets;

namespace Humas.Integration.Tests.Infrastructure;

/// <summary>Loopback ports that nothing listens on, never the same one twice in this test run.</summary>
public static class FreePorts
{
    private static readonly HashSet<int> Handed = [];

    public static int Next()
    {
        // The kernel may offer a port again once its probe socket is closed; remembering what was
        // handed out keeps tests that start servers in parallel from colliding with each other.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            lock (Handed)
            {
                if (Handed.Add(port))
                {
                    return port;
                }
            }
        }
        throw new InvalidOperationException("Could not find a free loopback port.");
    }

    /// <summary>True when something accepts connections on 127.0.0.1:port.</summary>
    public static async Task<bool> IsAcceptingAsync(int port, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The same as <see cref="IsAcceptingAsync"/>, for code that cannot await: loopback answers at once.</summary>
    public static bool IsAccepting(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
