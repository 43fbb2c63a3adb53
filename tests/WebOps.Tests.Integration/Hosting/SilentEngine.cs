using System.Net.Sockets;

namespace WebOps.Tests.Integration.Hosting;

/// <summary>
/// A Unix socket standing where the Docker engine's would be that accepts connections and never answers, so every
/// engine call hangs until <see cref="Release"/>; from then on nothing listens and calls fail at once.
/// </summary>
public sealed class SilentEngine : IDisposable
{
    private readonly Socket listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly List<Socket> held = [];
    private readonly CancellationTokenSource stop = new();

    public SilentEngine()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"webops-silent-{Guid.NewGuid():N}"[..22] + ".sock");
        listener.Bind(new UnixDomainSocketEndPoint(Path));
        listener.Listen();
        _ = AcceptAsync();
    }

    public string Path { get; }

    public string Endpoint => "unix://" + Path;

    /// <summary>Closes the held connections and stops listening: engine calls fail from now on.</summary>
    public void Release()
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }

        stop.Cancel();
        listener.Dispose();
        File.Delete(Path);
        lock (held)
        {
            held.ForEach(s => s.Dispose());
            held.Clear();
        }
    }

    public void Dispose()
    {
        Release();
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptAsync(stop.Token);
                lock (held)
                {
                    held.Add(client);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Released.
        }
    }
}
