using Docker.DotNet;
using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Spec;
using WebOps.Core.Hooks;
using ContainerSpec = WebOps.Addons.Docker.Spec.ContainerSpec;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>
/// Replaces an app's container with one from a new image. The old container is stopped and set aside (not removed)
/// until the new one answers; if the new one fails, it is removed and the old one is put back and started.
/// </summary>
public sealed class ContainerSwap(DockerEngine engine)
{
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    /// <summary>Returns the started container, or the failure message (after rolling back).</summary>
    /// <param name="engineRestarts">False when systemd supervises the app: the container then keeps no restart policy.</param>
    public async Task<(StartedContainer? Started, string? Failure)> RunAsync(
        HookContext context, ContainerSpec spec, TimeSpan startTimeout, bool engineRestarts, CancellationToken cancellationToken)
    {
        var asideName = $"{spec.Name}.previous";
        await RecoverInterruptedSwapAsync(context, spec.Name, asideName, cancellationToken);
        var previous = await SetAsideAsync(context, spec.Name, asideName, cancellationToken);

        string? id = null;
        string? failure;
        try
        {
            id = await engine.CreateContainerAsync(WithoutRestarts(spec), cancellationToken);
            failure = await StartAsync(spec, id, cancellationToken);
            if (failure is null)
            {
                var started = await WaitReadyAsync(context, spec, id, startTimeout, engineRestarts, cancellationToken);
                if (started.Started is not null)
                {
                    await CommitAsync(context, id, previous is null ? null : asideName, cancellationToken);
                    return started;
                }

                failure = started.Failure;
            }
        }
        catch (DockerApiException e)
        {
            failure = $"Container {spec.Name} could not be created: {EngineErrors.Describe(e)}";
        }
        catch (Exception)
        {
            await RollBackAsync(context, spec.Name, id, previous is null ? null : asideName);
            throw;
        }

        await RollBackAsync(context, spec.Name, id, previous is null ? null : asideName);
        return (null, failure);
    }

    /// <summary>
    /// The container is created without a restart policy, so a crash while starting stays a crash (with its exit code
    /// and output) instead of a restart loop; the spec's policy is applied once the app answers.
    /// </summary>
    private static CreateContainerParameters WithoutRestarts(ContainerSpec spec)
    {
        var parameters = spec.ToCreateParameters();
        parameters.HostConfig!.RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No };
        return parameters;
    }

    /// <summary>
    /// A set-aside container left by a deploy that was killed mid-swap is the last one known to work: it is put back
    /// when nothing took its name, and dropped when a newer container did.
    /// </summary>
    private async Task RecoverInterruptedSwapAsync(HookContext context, string name, string asideName, CancellationToken cancellationToken)
    {
        var aside = await engine.InspectContainerAsync(asideName, cancellationToken);
        if (aside is null)
        {
            return;
        }

        if (await engine.InspectContainerAsync(name, cancellationToken) is null)
        {
            await engine.RenameContainerAsync(aside.ID, name, cancellationToken);
            context.Log.Warn($"Found {asideName} from an interrupted deploy and named it {name} again.");
        }
        else
        {
            await engine.RemoveContainerAsync(aside.ID, force: true, cancellationToken);
        }
    }

    private async Task<string?> SetAsideAsync(HookContext context, string name, string asideName, CancellationToken cancellationToken)
    {
        var existing = await engine.InspectContainerAsync(name, cancellationToken);
        if (existing is null)
        {
            return null;
        }

        await engine.StopContainerAsync(existing.ID, StopGrace, cancellationToken);
        await engine.RenameContainerAsync(existing.ID, asideName, cancellationToken);
        context.Log.Info($"Stopped the previous container {name} ({existing.Config?.Image}); it is kept until the new one answers.");
        return existing.ID;
    }

    private async Task<string?> StartAsync(ContainerSpec spec, string id, CancellationToken cancellationToken)
    {
        try
        {
            await engine.StartContainerAsync(id, cancellationToken);
            return null;
        }
        catch (DockerApiException e)
        {
            return StartFailures.StartRefused(spec, EngineErrors.Describe(e));
        }
    }

    private async Task<(StartedContainer? Started, string? Failure)> WaitReadyAsync(
        HookContext context, ContainerSpec spec, string id, TimeSpan timeout, bool engineRestarts, CancellationToken cancellationToken)
    {
        var appPort = spec.Ports.Count > 0 ? spec.Ports[0] : null;
        context.Log.Info(appPort is null
            ? $"Started container {spec.Name}; waiting to see it stay up."
            : $"Started container {spec.Name}; waiting up to {Durations.Describe(timeout)} for it to answer.");
        var (ready, last) = await ReadinessProbe.WaitAsync(
            engine, id, inspect => PublishedPorts.AppEndpoint(inspect, appPort), appPort is not null, timeout, cancellationToken);
        if (ready && last is not null)
        {
            if (engineRestarts)
            {
                await engine.UpdateRestartPolicyAsync(id, RestartPolicyKind.UnlessStopped, cancellationToken);
            }

            return (PublishedPorts.Describe(spec, last, context.Deployment.Port), null);
        }

        var logs = await engine.GetLogsAsync(id, StartFailures.LogLines, cancellationToken);
        if (last?.State is { Running: false } state)
        {
            return (null, StartFailures.Exited(spec.Name, state.ExitCode, logs));
        }

        var address = last is null ? "its port" : PublishedPorts.AppEndpoint(last, appPort) is { } target ? $"{target.Host}:{target.Port}" : "its port";
        return (null, StartFailures.NoAnswer(spec, address, timeout, context.Deployment.Port, logs));
    }

    private async Task CommitAsync(HookContext context, string id, string? asideName, CancellationToken cancellationToken)
    {
        if (asideName is not null)
        {
            await engine.RemoveContainerAsync(asideName, force: true, cancellationToken);
            context.Log.Info("Removed the previous container.");
        }

        context.Log.Info($"Container {id[..12]} answers.");
    }

    /// <summary>Runs even when the deploy was cancelled, within its own time limit: nothing of a failed run stays.</summary>
    private async Task RollBackAsync(HookContext context, string name, string? newId, string? asideName)
    {
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            if (newId is not null)
            {
                await engine.RemoveContainerAsync(newId, force: true, cleanup.Token);
            }

            if (asideName is not null)
            {
                await engine.RenameContainerAsync(asideName, name, cleanup.Token);
                await engine.StartContainerAsync(name, cleanup.Token);
                context.Log.Warn($"Rolled back: the previous container {name} runs again.");
            }
        }
        catch (Exception e) when (e is DockerApiException or DockerUnavailableException or OperationCanceledException)
        {
            context.Log.Error($"Could not roll back container {name}: {e.Message}. Redeploy, or start it with the Start action.");
        }
    }
}
