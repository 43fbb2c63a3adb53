using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using WebOps.Core.Deployments;
using WebOps.Data.Entities;
using WebOps.Health;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Health;

/// <summary>
/// The HTTP probe against a real HTTP server (Kestrel) for what apps answer, and against plain sockets for peers that
/// misbehave: what the probe sends, which answers count, and what a failure says.
/// </summary>
public sealed class HttpProbeTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);
    private readonly HttpProbe probe = new(Options.Create(new HealthOptions { ProbeTimeout = Limit }));

    [Fact]
    public async Task The_app_sees_the_stored_path_query_and_host_and_its_status_decides()
    {
        string? seen = null;
        await using var app = await AppAsync(context =>
        {
            seen = $"{context.Features.Get<IHttpRequestFeature>()!.RawTarget} host={context.Request.Host} close={context.Request.Headers.Connection}";
            context.Response.StatusCode = context.Request.Query["fail"] == "1" ? 503 : 204;
            return Task.CompletedTask;
        });

        var healthy = await probe.ProbeAsync(app.Port, Settings("/health?x=1", host: "blog.example.com"), CancellationToken.None);
        Assert.Equal(HealthState.Healthy, healthy.Status);
        Assert.Matches(@"^GET /health\?x=1 answered 204 in (\d+ ms|\d+\.\d s)$", healthy.Message);
        Assert.Equal(204, healthy.Metrics["status_code"]);
        Assert.Equal("/health?x=1 host=blog.example.com close=close", seen);

        var failing = await probe.ProbeAsync(app.Port, Settings("/health?fail=1"), CancellationToken.None);
        Assert.Equal(HealthState.Unhealthy, failing.Status);
        Assert.Matches(@"^GET /health\?fail=1 answered 503 in (\d+ ms|\d+\.\d s) \(a server error\)$", failing.Message);
        Assert.Equal("/health?fail=1 host=localhost close=close", seen);
    }

    [Fact]
    public async Task A_path_outside_ascii_is_sent_percent_encoded_and_a_redirect_is_an_answer_not_followed()
    {
        var targets = new List<string>();
        await using var app = await AppAsync(context =>
        {
            targets.Add(context.Features.Get<IHttpRequestFeature>()!.RawTarget);
            context.Response.Redirect("/elsewhere");
            return Task.CompletedTask;
        });

        var reading = await probe.ProbeAsync(app.Port, Settings("/santé", expected: 302), CancellationToken.None);

        Assert.Equal(HealthState.Healthy, reading.Status);
        Assert.Matches(@"^GET /santé answered 302 in (\d+ ms|\d+\.\d s)$", reading.Message);
        Assert.Equal(["/sant%C3%A9"], targets);
    }

    [Fact]
    public async Task The_rest_of_the_page_is_not_waited_for()
    {
        await using var app = await AppAsync(async context =>
        {
            await context.Response.WriteAsync(new string('x', 1000));
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });

        var reading = await probe.ProbeAsync(app.Port, null, CancellationToken.None);

        Assert.Equal(HealthState.Healthy, reading.Status);
        Assert.Matches(@"^GET / answered 200 in (\d+ ms|\d+\.\d s)$", reading.Message);
    }

    [Fact]
    public async Task Nothing_listening_is_connection_refused()
    {
        var port = TestPorts.Free();

        var reading = await probe.ProbeAsync(port, null, CancellationToken.None);

        Assert.Equal(HealthState.Unhealthy, reading.Status);
        Assert.Matches(@"^GET / failed after (\d+ ms|\d+\.\d s): connection refused$", reading.Message);
        Assert.Null(reading.Metrics["status_code"]);
    }

    [Fact]
    public async Task A_peer_that_never_answers_fails_at_the_probe_timeout()
    {
        await using var peer = Peer.Start(async (socket, ct) => await Task.Delay(Timeout.Infinite, ct));

        var reading = await probe.ProbeAsync(peer.Port, null, CancellationToken.None);

        Assert.Equal(HealthState.Unhealthy, reading.Status);
        Assert.Matches(@"^GET / failed after \d+\.\d s: no answer within 2\.0 s$", reading.Message);
    }

    [Fact]
    public async Task A_peer_that_closes_without_answering_or_answers_something_else_is_told_apart()
    {
        await using var closing = Peer.Start((socket, ct) => Task.CompletedTask);
        var closed = await probe.ProbeAsync(closing.Port, null, CancellationToken.None);
        Assert.Matches(@"^GET / failed after (\d+ ms|\d+\.\d s): the connection was closed before the answer was complete$", closed.Message);

        await using var other = Peer.Start(async (socket, ct) => await socket.SendAsync("SSH-2.0-OpenSSH_9.2\r\n"u8.ToArray(), ct));
        var notHttp = await probe.ProbeAsync(other.Port, null, CancellationToken.None);
        Assert.Equal(HealthState.Unhealthy, notHttp.Status);
        Assert.Matches(@"^GET / failed after (\d+ ms|\d+\.\d s): the answer is not HTTP \(no status line\)$", notHttp.Message);
    }

    [Fact]
    public async Task A_peer_that_keeps_the_connection_open_after_its_answer_is_not_waited_for()
    {
        // The status line arrives in two writes, then the peer holds the connection open despite Connection: close.
        await using var peer = Peer.Start(async (socket, ct) =>
        {
            await socket.SendAsync("HTTP/1.1 2"u8.ToArray(), ct);
            await Task.Delay(50, ct);
            await socket.SendAsync("00 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray(), ct);
            await Task.Delay(Timeout.Infinite, ct);
        });

        var patient = new HttpProbe(Options.Create(new HealthOptions { ProbeTimeout = TimeSpan.FromSeconds(30) }));

        var reading = await patient.ProbeAsync(peer.Port, null, CancellationToken.None);

        Assert.Equal(HealthState.Healthy, reading.Status);
        Assert.True((long)reading.Metrics["duration_ms"]! < 15_000, reading.Message);
    }

    private static DeploymentHealthSettings Settings(string path, string? host = null, int? expected = null) =>
        new() { Path = path, Host = host, ExpectedStatus = expected };

    private static async Task<RunningApp> AppAsync(RequestDelegate handler)
    {
        var port = TestPorts.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        return new RunningApp(app, port);
    }

    private sealed record RunningApp(WebApplication App, int Port) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    /// <summary>A TCP peer that reads the request and then does what the test says, for answers no real server gives.</summary>
    private sealed class Peer : IAsyncDisposable
    {
        private readonly TcpListener listener;
        private readonly CancellationTokenSource stop = new();
        private readonly Task serving;

        private Peer(TcpListener listener, Func<Socket, CancellationToken, Task> behave)
        {
            this.listener = listener;
            serving = ServeAsync(behave);
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public static Peer Start(Func<Socket, CancellationToken, Task> behave)
        {
            var listener = new TcpListener(IPAddress.Loopback, TestPorts.Free());
            listener.Start();
            return new Peer(listener, behave);
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            listener.Stop();
            await serving;
            stop.Dispose();
        }

        private async Task ServeAsync(Func<Socket, CancellationToken, Task> behave)
        {
            try
            {
                while (true)
                {
                    using var socket = await listener.AcceptSocketAsync(stop.Token);
                    var request = new StringBuilder();
                    var buffer = new byte[1024];
                    while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var read = await socket.ReceiveAsync(buffer, stop.Token);
                        if (read == 0)
                        {
                            break;
                        }

                        request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }

                    await behave(socket, stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
            catch (InvalidOperationException) when (stop.IsCancellationRequested)
            {
                // Stopped between a behaviour's end and the next accept: the listener says it is not listening.
            }
        }
    }
}
