using System.Net;
using System.Net.Sockets;

namespace WebOps.Tests.Integration.Infrastructure;

/// <summary>
/// Ports for the servers tests start (panels, Caddy, apps), handed out as even numbers only, each checked free together
/// with the odd one above it. The edge serves its slot health files on the admin port plus one unless told otherwise,
/// so an admin port must not be followed by another test port: the kernel's pick (bind to port 0) once gave a panel
/// 43333 for the admin API and 43334 for HTTP, and Caddy refused its config with "address already in use". They come
/// from 10000-19999, below the kernel's ephemeral range (32768-60999, also the local ends of outgoing connections)
/// and the panel's own host ports (20000-29999), from a random start, and are never handed out twice in a run.
/// </summary>
public static class TestPorts
{
    private const int First = 10000;
    private const int Pairs = 5000;
    private static int next = Random.Shared.Next(Pairs);

    public static int Free()
    {
        for (var tries = 0; tries < Pairs; tries++)
        {
            var port = First + (2 * (Interlocked.Increment(ref next) % Pairs));
            if (IsFree(port) && IsFree(port + 1))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free pair of ports in {First}-{First + (2 * Pairs) - 1}");
    }

    private static bool IsFree(int port)
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
}
