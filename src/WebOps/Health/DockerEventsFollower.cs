using WebOps.Addons.Docker.Engine;
using WebOps.Core.Health;

namespace WebOps.Health;

/// <summary>
/// Follows the Docker engine's events of WebOps containers, so a container that dies, runs out of memory or turns
/// unhealthy is noticed within a second instead of at the next sweep. When the engine goes away the stream is
/// reopened with growing pauses, and every container's real state is re-read by an immediate sweep.
/// </summary>
public sealed partial class DockerEventsFollower(
    DockerEngine engine,
    HealthChecker checker,
    HealthMonitor monitor,
    ILogger<DockerEventsFollower> logger) : BackgroundService
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Lets the panel's own stop or restart reach the database (and the engine restart the container) before a
    /// <c>die</c> is judged, so neither raises an alarm.
    /// </summary>
    private static readonly TimeSpan DieSettle = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Raised once an event's reaction has reached the deployment's health (with the reaction as settled), so whoever
    /// needs to know that the health has caught up with an event waits for it instead of for a guessed time.
    /// </summary>
    public event Action<ContainerEvent, ContainerEventReaction>? Handled;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = FirstPause;
        var warned = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await engine.PingAsync(stoppingToken);
                LogFollowing(logger, engine.Endpoint);
                pause = FirstPause;
                warned = false;
                monitor.RequestSweep(); // events missed while away: read the real states now
                await foreach (var e in engine.WatchEventsAsync(stoppingToken))
                {
                    Dispatch(e, stoppingToken);
                }

                LogStreamEnded(logger, engine.Endpoint);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (!warned)
                {
                    LogLost(logger, engine.Endpoint, e.Message);
                    warned = true;
                }
            }

            try
            {
                await Task.Delay(pause, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    /// <summary>Handles the event off the stream's loop, so a slow check never delays the next event.</summary>
    private void Dispatch(ContainerEvent e, CancellationToken ct)
    {
        if (e.Deployment is not { Length: > 0 } deployment)
        {
            return;
        }

        var container = e.ContainerName ?? e.ContainerId;
        var reaction = ContainerEventRules.React(e.Action, container, e.Attributes);
        if (reaction.Action == ContainerEventAction.Ignore)
        {
            return;
        }

        _ = Task.Run(
            async () =>
            {
                try
                {
                    var settled = e.Action is "die" or "oom" ? await SettleAsync(e.ContainerId, reaction, ct) : reaction;
                    await checker.OnContainerEventAsync(deployment, e.ContainerId, settled, ct);
                    Handled?.Invoke(e, settled);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogEventFailed(logger, ex, e.Action, deployment);
                }
                catch (OperationCanceledException)
                {
                    // Shutting down.
                }
            },
            CancellationToken.None);
    }

    /// <summary>A container that died but runs again (a restart, or the restart policy at work) gets a fresh check instead.</summary>
    private async Task<ContainerEventReaction> SettleAsync(string containerId, ContainerEventReaction reaction, CancellationToken ct)
    {
        await Task.Delay(DieSettle, ct);
        var inspect = await engine.InspectContainerAsync(containerId, ct);
        return inspect?.State is { Running: true } ? ContainerEventReaction.Recheck : reaction;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Following container events of the Docker engine at {Endpoint}")]
    private static partial void LogFollowing(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Docker engine's event stream at {Endpoint} ended; reconnecting")]
    private static partial void LogStreamEnded(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Lost the Docker engine at {Endpoint} ({Error}); container events are not followed until it answers again (retrying with back-off)")]
    private static partial void LogLost(ILogger logger, string endpoint, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling container event '{Action}' of deployment '{Deployment}' failed")]
    private static partial void LogEventFailed(ILogger logger, Exception e, string action, string deployment);
}
