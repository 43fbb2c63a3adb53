using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace WebOps.Tests.Integration.Infrastructure;

/// <summary>
/// An HTTP/1.1 server in front of another that passes every call through, except the ones a test answers itself: for
/// answers that cannot be brought about on demand, such as a race inside the Docker engine or a connection cut while
/// Caddy loads a config. Plain request and answer streams only (no upgrades).
/// </summary>
public sealed class InterceptingProxy : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient target;

    private InterceptingProxy(WebApplication app, HttpClient target)
    {
        this.app = app;
        this.target = target;
    }

    /// <summary>
    /// Starts the proxy where <paramref name="listen"/> says. <paramref name="answer"/> sees each call first and returns
    /// true when it answered it (or cut it off with <see cref="HttpContext.Abort"/>); otherwise the call goes to
    /// <paramref name="target"/>, which the proxy disposes of with itself.
    /// </summary>
    public static async Task<InterceptingProxy> StartAsync(Action<KestrelServerOptions> listen, HttpClient target, Func<HttpContext, Task<bool>> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(listen);
        var app = builder.Build();
        app.Run(async context =>
        {
            if (!await answer(context))
            {
                await ForwardAsync(target, context);
            }
        });
        await app.StartAsync();
        return new InterceptingProxy(app, target);
    }

    /// <summary>A proxy on <c>127.0.0.1:<paramref name="port"/></c> in front of the HTTP server at <paramref name="address"/> (<c>host:port</c>).</summary>
    public static Task<InterceptingProxy> InFrontOfAsync(string address, int port, Func<HttpContext, Task<bool>> answer) =>
        StartAsync(
            k => k.Listen(System.Net.IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http1),
            new HttpClient { BaseAddress = new Uri($"http://{address}"), Timeout = Timeout.InfiniteTimeSpan },
            answer);

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        target.Dispose();
    }

    private static async Task ForwardAsync(HttpClient target, HttpContext context)
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

        using var answer = await target.SendAsync(call, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
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
