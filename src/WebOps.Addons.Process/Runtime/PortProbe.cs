using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WebOps.Addons.Process.Runtime;

/// <summary>Checks whether something accepts TCP connections, or answers HTTP, on a loopback port.</summary>
public static class PortProbe
{
    private static readonly byte[] HeadRequest = Encoding.ASCII.GetBytes("HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    public static async Task<bool> AcceptsAsync(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, limit.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// True when a <c>HEAD /</c> gets an HTTP response (any status) within <paramref name="wait"/>. Accepting the
    /// connection is not enough before live traffic is switched to a release: gunicorn's master listens before its
    /// worker has loaded the app, and a worker that fails to load never answers.
    /// </summary>
    public static async Task<bool> AnswersHttpAsync(int port, TimeSpan wait, CancellationToken ct)
    {
        using var client = new TcpClient();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(wait);
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, limit.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(HeadRequest, limit.Token);
            var start = new byte[5];
            var read = await stream.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, limit.Token);
            return read == start.Length && Encoding.ASCII.GetString(start) == "HTTP/";
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return false;
        }
    }
}
