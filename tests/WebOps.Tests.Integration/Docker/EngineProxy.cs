using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace WebOps.Tests.Integration.Docker;

/// <summary>
/// A Unix socket in front of the real Docker engine that passes every API call through, except the ones a test
/// answers itself: for engine answers that cannot be brought about on demand, such as a race inside the engine.
/// Plain request and answer streams only (no attach or exec upgrades).
/// </summary>
public sealed class EngineProxy : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient engine;

    private EngineProxy(WebApplication app, HttpClient engine, string path)
    {
        this.app = app;
        this.engine = engine;
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
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(path, l => l.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        app.Run(async context =>
        {
            if (!await answer(context))
            {
                await ForwardAsync(engine, context);
            }
        });
        await app.StartAsync();
        return new EngineProxy(app, engine, path);
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        engine.Dispose();
        File.Delete(Path);
    }

    private static async Task ForwardAsync(HttpClient engine, HttpContext context)
    {
        var request = context.Request;
        using var call = new HttpRequestMessage(new HttpMethod(request.Method), request.Path + request.QueryString);
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            call.Content = new StreamContent(request.Body);
        }

        foreach (var (key, values) in request.Headers)
        {
            if (key is "Host" or "Transfer-Encoding" or "Connection")
            {
                continue;
            }

            if (!call.Headers.TryAddWithoutValidation(key, values.ToArray()))
            {
                call.Content?.Headers.TryAddWithoutValidation(key, values.ToArray());
            }
        }

        using var answer = await engine.SendAsync(call, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (key, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (key is not ("Transfer-Encoding" or "Connection"))
            {
                context.Response.Headers[key] = values.ToArray();
            }
        }

        // Streamed through as it comes: builds and event streams answer for a long time.
        await using var body = await answer.Content.ReadAsStreamAsync(context.RequestAborted);
        await body.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
