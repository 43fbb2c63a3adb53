using System.Diagnostics;
using System.Net.Sockets;
using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;
using WebOps.Core.Hooks;
using ContainerSpec = WebOps.Addons.Docker.Spec.ContainerSpec;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>
/// An app's readiness: a new container runs and its published port answers, or it exits, or time runs out. Without
/// a published port (host or none network), staying up for a few seconds is what "ready" means.
/// </summary>
internal sealed class ReadinessProbe(DockerEngine engine, ContainerSpec spec, TimeSpan timeout) : IReadinessCheck
{
    /// <summary>Between two looks at a starting container: each costs one inspect and one connection attempt.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>How long an open connection that sends nothing must stay open to count as the app's (not the engine proxy's).</summary>
    private static readonly TimeSpan QuietWait = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Asked on every connection: an HTTP app answers at once, so it is ready without waiting <see cref="QuietWait"/>;
    /// an app that speaks another protocol just stays quiet (or answers) as before.
    /// </summary>
    private static readonly byte[] HttpRequest = "HEAD / HTTP/1.0\r\n\r\n"u8.ToArray();

    /// <summary>How long a container without a published port must stay up to count as started.</summary>
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(3);

    public async Task<(StartedContainer? Started, string? Failure)> WaitReadyAsync(
        HookContext context, string containerId, CancellationToken cancellationToken)
    {
        var appPort = spec.Ports.Count > 0 ? spec.Ports[0] : null;
        context.Log.Info(appPort is null
            ? $"Started container {spec.Name}; waiting to see it stay up."
            : $"Started container {spec.Name}; waiting up to {Durations.Describe(timeout)} for it to answer.");
        var t = Stopwatch.GetTimestamp();
        var (ready, last) = await WaitAsync(
            engine, containerId, inspect => PublishedPorts.AppEndpoint(inspect, appPort), appPort is not null, timeout, cancellationToken);
        context.Log.Record(DeploySteps.Ready, Stopwatch.GetElapsedTime(t));
        if (ready && last is not null)
        {
            return (PublishedPorts.Describe(spec, last, context.Deployment.Port), null);
        }

        var logs = await engine.GetLogsAsync(containerId, StartFailures.LogLines, cancellationToken);
        if (last?.State is { Running: false } state)
        {
            return (null, StartFailures.Exited(spec.Name, state.ExitCode, logs));
        }

        var address = last is not null && PublishedPorts.AppEndpoint(last, appPort) is { } target ? $"{target.Host}:{target.Port}" : "its port";
        return (null, StartFailures.NoAnswer(spec, address, timeout, context.Deployment.Port, logs));
    }

    /// <summary>
    /// Null endpoint (host or none network): ready when still running after a few seconds.
    /// Returns the final inspection and whether the container became ready.
    /// </summary>
    public static async Task<(bool Ready, ContainerInspectResponse? Last)> WaitAsync(
        DockerEngine dockerEngine, string containerId, Func<ContainerInspectResponse, (string Host, int Port)?> endpoint,
        bool needsPort, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(needsPort ? limit : TimeSpan.FromTicks(Math.Min(limit.Ticks, SettleTime.Ticks)));
        ContainerInspectResponse? last = null;
        try
        {
            while (true)
            {
                last = await dockerEngine.InspectContainerAsync(containerId, deadline.Token);
                if (last?.State is null || !last.State.Running || last.State.Restarting)
                {
                    return (false, last);
                }

                if (needsPort && endpoint(last) is { } target && await AnswersAsync(target.Host, target.Port, deadline.Token))
                {
                    return (true, last);
                }

                await Task.Delay(PollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Without a port to probe, surviving the settle time is what "started" means.
            return (!needsPort && last?.State is { Running: true }, last);
        }
    }

    /// <summary>
    /// A published port is held by the engine's proxy even while the app is not listening: the proxy accepts and then
    /// closes the connection. So the port answers only when the connection stays open or sends data; a request is
    /// sent so that an HTTP app sends data at once.
    /// </summary>
    internal static async Task<bool> AnswersAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(2));
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, attempt.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(HttpRequest, attempt.Token);
            using var read = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            read.CancelAfter(QuietWait);
            var buffer = new byte[1];
            try
            {
                return await stream.ReadAsync(buffer, read.Token) > 0;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return true;
            }
        }
        catch (Exception e) when (e is SocketException or IOException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
