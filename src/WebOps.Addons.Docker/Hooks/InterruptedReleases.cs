using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Spec;
using WebOps.Core.Addons;
using WebOps.Core.Runtime;
using ContainerSpec = WebOps.Addons.Docker.Spec.ContainerSpec;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>
/// At panel start, settles the <c>NAME.next</c> releases a killed panel left beside their deployments' containers, so
/// at most one release of an app runs. The saved host port says which one the edge sends traffic to: the switch saves
/// it before it pushes the edge config, and the edge is pushed from it at start. A <c>.next</c> on that port was
/// switched to and is kept (the drain and the rename the killed deploy never finished); any other is removed, its
/// previous container never stopped serving. A <c>NAME.previous</c> (the stop-first path's set-aside release) goes
/// when the deployment's current container runs, and is put back and started when none runs, as the killed deploy's
/// rollback would have done (see <see cref="ContainerSwap"/>).
/// </summary>
/// <remarks>
/// Only this panel's own deployments are touched: another panel may share the engine, and a <c>.next</c> of a name
/// this panel does not store is not its to judge. With the Docker addon disabled the engine is not asked at all.
/// </remarks>
public sealed partial class InterruptedReleases(
    DockerEngine engine, IStoredDeployments deployments, AddonRegistry registry, ILogger<InterruptedReleases> logger)
    : IHostedService
{
    /// <summary>Start-up waits no longer than this on an engine that does not answer; the next deploy tidies up then.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private const string AddonName = "docker";
    private const string NextSuffix = ".next";
    private const string PreviousSuffix = ".previous";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        await registry.RefreshEnabledAsync(limit.Token);
        if (registry.Find(AddonName) is null || !registry.IsEnabled(AddonName))
        {
            return;
        }

        try
        {
            foreach (var container in await engine.ListContainersAsync(Labels.AllManaged, limit.Token))
            {
                var names = container.Names?.Select(n => n.TrimStart('/')).ToList() ?? [];
                if (container.Labels is null || !container.Labels.TryGetValue(Labels.Deployment, out var deployment))
                {
                    continue;
                }

                if (names.FirstOrDefault(n => n.EndsWith(NextSuffix, StringComparison.Ordinal)) is { } nextName)
                {
                    await SettleAsync(deployment, nextName, container.ID, limit.Token);
                }
                else if (names.FirstOrDefault(n => n.EndsWith(PreviousSuffix, StringComparison.Ordinal)) is { } asideName)
                {
                    await SettlePreviousAsync(deployment, asideName, container.ID, limit.Token);
                }
            }
        }
        catch (Exception e) when (e is DockerUnavailableException or DockerApiException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogNotSettled(logger, e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SettleAsync(string deployment, string nextName, string nextId, CancellationToken ct)
    {
        var name = nextName[..^NextSuffix.Length];
        if (await deployments.FindAsync(deployment, ct) is not { } stored)
        {
            return;
        }

        var saved = stored.HostPort;
        var next = await engine.InspectContainerAsync(nextId, ct);
        if (saved is { } port && next is { State.Running: true } && Publishes(next, port))
        {
            var old = await engine.InspectContainerAsync(name, ct);
            await engine.UpdateRestartPolicyAsync(nextId, old?.HostConfig?.RestartPolicy ?? RestartPolicyText.ToEngine(ContainerSpec.RestartUnlessStopped), ct);
            if (old is not null)
            {
                await engine.StopContainerAsync(old.ID, ContainerSwap.StopGrace, ct);
                await engine.RemoveContainerAsync(old.ID, force: true, ct);
            }

            await engine.RenameContainerAsync(nextId, name, ct);
            LogKept(logger, deployment, nextName, port, name);
            return;
        }

        await engine.RemoveContainerAsync(nextId, force: true, ct);
        LogRemoved(logger, deployment, nextName, name);
    }

    /// <summary>
    /// The stop-first path was killed between setting the previous release aside and removing it. A current container
    /// that runs gets the restart policy the deploy would have given it, and the set-aside one goes; without a running
    /// current container the set-aside release is the last one known to work, and runs again under the app's name.
    /// </summary>
    private async Task SettlePreviousAsync(string deployment, string asideName, string asideId, CancellationToken ct)
    {
        var name = asideName[..^PreviousSuffix.Length];
        if (await deployments.FindAsync(deployment, ct) is null)
        {
            return;
        }

        var aside = await engine.InspectContainerAsync(asideId, ct);
        var current = await engine.InspectContainerAsync(name, ct);
        if (current is { State.Running: true })
        {
            await engine.UpdateRestartPolicyAsync(
                current.ID, aside?.HostConfig?.RestartPolicy ?? RestartPolicyText.ToEngine(ContainerSpec.RestartUnlessStopped), ct);
            await engine.RemoveContainerAsync(asideId, force: true, ct);
            LogPreviousRemoved(logger, deployment, asideName, name);
            return;
        }

        if (current is not null)
        {
            await engine.RemoveContainerAsync(current.ID, force: true, ct);
        }

        await engine.RenameContainerAsync(asideId, name, ct);
        await engine.StartContainerAsync(asideId, ct);
        LogPreviousRestored(logger, deployment, asideName, name);
    }

    private static bool Publishes(ContainerInspectResponse container, int port)
    {
        var text = port.ToString(CultureInfo.InvariantCulture);
        return container.NetworkSettings?.Ports?.Values.Any(bindings => bindings?.Any(b => b.HostPort == text) == true) == true;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Deployment {Deployment}: the panel stopped after the edge switched to {Next} on port {Port}; kept it as {Name} and removed the previous release.")]
    private static partial void LogKept(ILogger logger, string deployment, string next, int port, string name);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Deployment {Deployment}: removed {Next}, left by a deploy the panel stopped before the edge switched to it; {Name} serves as before.")]
    private static partial void LogRemoved(ILogger logger, string deployment, string next, string name);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Deployment {Deployment}: removed {Aside}, set aside by a deploy the panel stopped; the new release {Name} runs.")]
    private static partial void LogPreviousRemoved(ILogger logger, string deployment, string aside, string name);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Deployment {Deployment}: the panel stopped during a deploy before its new release ran; {Aside} runs again as {Name}.")]
    private static partial void LogPreviousRestored(ILogger logger, string deployment, string aside, string name);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not check for releases left by an interrupted deploy: {Reason}. The next deploy of each app removes them.")]
    private static partial void LogNotSettled(ILogger logger, string reason);
}
