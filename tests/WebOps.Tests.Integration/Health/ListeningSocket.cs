using System.Net.Sockets;

namespace WebOps.Tests.Integration.Health;

/// <summary>
/// A Unix socket standing where the Docker engine's would be: it accepts and drops every connection and counts
/// them, so a test can tell whether the panel tried to reach the engine at all.
/// </summary>
public sealed class ListeningSocket : IDisposable
{
    private readonly Socket listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly CancellationTokenSource stop = new();
    private int connections;

    public ListeningSocket()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"webops-engine-{Guid.NewGuid():N}"[..22] + ".sock");
        listener.Bind(new UnixDomainSocketEndPoint(Path));
        listener.Listen();
        _ = AcceptAsync();
    }

    public string Path { get; }

    public string Endpoint => "unix://" + Path;

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref connections);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptAsync(stop.Token);
                Interlocked.Increment(ref connections);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Disposed.
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Dispose();
        stop.Dispose();
        File.Delete(Path);
    }
}
