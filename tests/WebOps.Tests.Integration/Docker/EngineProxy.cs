using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Docker;

/// <summary>
/// A Unix socket in front of the real Docker engine that passes every API call through, except the ones a test
/// answers itself (<see cref="InterceptingProxy"/>).
/// </summary>
public sealed class EngineProxy : IAsyncDisposable
{
    private readonly InterceptingProxy proxy;

    private EngineProxy(InterceptingProxy proxy, string path)
    {
        this.proxy = proxy;
        Path = path;
    }

    public string Path { get; }

    public string Endpoint => "unix://" + Path;

    /// <summary>
    /// Starts the proxy. <paramref name="answer"/> sees each call first and returns true when it answered it;
    /// otherwise the call goes to the engine at <see cref="DockerAvailability.Endpoint"/>.
    /// </summary>
    public static async Task<EngineProxy> StartAsync(Func<HttpContext, Task<bool>> answer)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"webops-proxy-{Guid.NewGuid():N}"[..21] + ".sock");
        var target = new Uri(DockerAvailability.Endpoint).LocalPath;
        var engine = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(target), ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        })
        { BaseAddress = new Uri("http://docker"), Timeout = Timeout.InfiniteTimeSpan };
        var proxy = await InterceptingProxy.StartAsync(k => k.ListenUnixSocket(path, l => l.Protocols = HttpProtocols.Http1), engine, answer);
        return new EngineProxy(proxy, path);
    }

    public async ValueTask DisposeAsync()
    {
        await proxy.DisposeAsync();
        File.Delete(Path);
    }
}
