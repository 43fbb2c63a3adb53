using Microsoft.Extensions.Options;
using WebOps.Addons;
using WebOps.Core.Addons;
using WebOps.Core.Health;
using WebOps.Core.Runtime;
using WebOps.Deploys;

namespace WebOps.Health;

/// <summary>
/// Follows the live events of every addon's app instances (the Docker addon's container events), so an instance
/// that dies, runs out of memory or turns unhealthy is noticed within a second instead of at the next sweep. When a
/// source goes away its stream is reopened with growing pauses, and every deployment's real state is re-read by an
/// immediate sweep. A source whose addon is disabled (or not installed) is left alone until it is enabled again.
/// </summary>
public sealed partial class RuntimeEventsFollower(
    IEnumerable<IRuntimeEventSource> sources,
    AddonRegistry registry,
    HealthChecker checker,
    HealthMonitor monitor,
    PanelActions panelActions,
    IOptions<HealthOptions> options,
    ILogger<RuntimeEventsFollower> logger) : BackgroundService
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Lets a restart policy bring an instance back before a <c>die</c> is judged. Deaths the panel's own stop or
    /// restart cause are told apart by <see cref="PanelActions"/>, not by this wait.
    /// </summary>
    private static readonly TimeSpan DieSettle = TimeSpan.FromMilliseconds(250);

    private readonly RepeatedKills kills = new();

    /// <summary>
    /// Raised once an event's reaction has reached the deployment's health (with the reaction as settled), so whoever
    /// needs to know that the health has caught up with an event waits for it instead of for a guessed time.
    /// </summary>
    public event Action<RuntimeEvent, ContainerEventReaction>? Handled;

    /// <summary>How often an addon's enabled flag is read again: <c>webops addons enable|disable</c> may run in another process.</summary>
    private TimeSpan Recheck => options.Value.Interval > TimeSpan.Zero ? options.Value.Interval : TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sources.Select(s => FollowAsync(s, stoppingToken)));

    private async Task FollowAsync(IRuntimeEventSource source, CancellationToken stoppingToken)
    {
        var pause = FirstPause;
        var warned = false;
        bool? used = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await InUseAsync(source, stoppingToken))
            {
                if (used != false)
                {
                    LogNotUsed(logger, source.Addon);
                    used = false;
                }

                if (!await PauseAsync(Recheck, stoppingToken))
                {
                    return;
                }

                continue;
            }

            used = true;
            using var follow = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var watchdog = CancelWhenUnusedAsync(source, follow);
            try
            {
                await source.PingAsync(follow.Token);
                LogFollowing(logger, source.Addon, source.Endpoint);
                pause = FirstPause;
                warned = false;
                monitor.RequestSweep(); // events missed while away: read the real states now
                await foreach (var e in source.WatchAsync(follow.Token))
                {
                    Dispatch(source, e, stoppingToken);
                }

                LogStreamEnded(logger, source.Addon, source.Endpoint);
            }
            catch (OperationCanceledException) when (follow.IsCancellationRequested)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                continue; // the addon was disabled: the loop's top waits quietly until it is enabled again
            }
            catch (Exception e)
            {
                if (!warned)
                {
                    LogLost(logger, source.Addon, source.Endpoint, e.Message);
                    warned = true;
                }
            }
            finally
            {
                await follow.CancelAsync();
                await watchdog;
            }

            if (!await PauseAsync(pause, stoppingToken))
            {
                return;
            }

            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    /// <summary>Reads the enabled flags again (they may have changed in another process), then asks for this addon.</summary>
    private async Task<bool> InUseAsync(IRuntimeEventSource source, CancellationToken ct)
    {
        await registry.RefreshEnabledAsync(ct);
        return registry.IsInUse(source.Addon);
    }

    /// <summary>Stops following when the addon is disabled while its stream is open.</summary>
    private async Task CancelWhenUnusedAsync(IRuntimeEventSource source, CancellationTokenSource follow)
    {
        try
        {
            while (await PauseAsync(Recheck, follow.Token))
            {
                if (!await InUseAsync(source, follow.Token))
                {
                    await follow.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Following ended.
        }
    }

    /// <summary>Handles the event off the stream's loop, so a slow check never delays the next event.</summary>
    private void Dispatch(IRuntimeEventSource source, RuntimeEvent e, CancellationToken ct)
    {
        if (e.Deployment is not { Length: > 0 } deployment)
        {
            return;
        }

        var instance = e.InstanceName ?? e.InstanceId;
        var reaction = ContainerEventRules.React(e.Action, instance, e.Attributes);
        if (reaction.Action == ContainerEventAction.Ignore || !kills.TryBegin(e))
        {
            return;
        }

        _ = Task.Run(
            async () =>
            {
                try
                {
                    var outcome = e.Action is "die" or "oom"
                        ? panelActions.Caused(deployment, e.Time) ? new(ContainerEventReaction.Ignore, null) : await DieSettling.SettleAsync(source, e, reaction, DieSettle, ct)
                        : new DieSettling.Settled(reaction, null);
                    var settled = outcome.Reaction;
                    if (e.Action == "oom" && settled.Action == ContainerEventAction.Recheck)
                    {
                        // A restart policy brought it back, or only one of its processes was killed; either way the kill
                        // happened, and the history keeps it before the fresh check.
                        var kill = outcome.RanThrough(e) ? ContainerEventRules.ProcessKilledForMemory(instance, e.Attributes) : reaction;
                        await checker.OnContainerEventAsync(deployment, e.InstanceId, kill, ct);
                    }

                    if (settled.Action != ContainerEventAction.Ignore)
                    {
                        await checker.OnContainerEventAsync(deployment, e.InstanceId, settled, ct);
                    }

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
                finally
                {
                    kills.End(e);
                }
            },
            CancellationToken.None);
    }

    /// <summary>Waits; false when the panel is stopping.</summary>
    private static async Task<bool> PauseAsync(TimeSpan pause, CancellationToken ct)
    {
        try
        {
            await Task.Delay(pause, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Not following events of addon '{Addon}': it is disabled or not installed")]
    private static partial void LogNotUsed(ILogger logger, string addon);

    [LoggerMessage(Level = LogLevel.Information, Message = "Following events of addon '{Addon}' at {Endpoint}")]
    private static partial void LogFollowing(ILogger logger, string addon, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The event stream of addon '{Addon}' at {Endpoint} ended; reconnecting")]
    private static partial void LogStreamEnded(ILogger logger, string addon, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Lost the event stream of addon '{Addon}' at {Endpoint} ({Error}); its events are not followed until it answers again (retrying with back-off)")]
    private static partial void LogLost(ILogger logger, string addon, string endpoint, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling event '{Action}' of deployment '{Deployment}' failed")]
    private static partial void LogEventFailed(ILogger logger, Exception e, string action, string deployment);
}
