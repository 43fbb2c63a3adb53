using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Spec;
using WebOps.Core.Hooks;
using ContainerSpec = WebOps.Addons.Docker.Spec.ContainerSpec;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>
/// Replaces a deployment's container with a new one: an app's, or a vLLM server's. The old container is stopped and
/// set aside as <c>NAME.previous</c> (not removed) until the new one is ready; if the new one fails, it is removed and
/// the old one is put back and started. Stopping first also frees what the new one needs: its host port, GPU memory.
/// </summary>
public sealed class ContainerSwap(DockerEngine engine)
{
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    /// <summary>How long a rollback waits for the previous container to answer again; it answered before, so this is generous.</summary>
    private static readonly TimeSpan RollBackAnswerWait = TimeSpan.FromSeconds(30);

    /// <summary>Swaps in an app's container, ready once its published port answers; returns it, or the failure (after rolling back).</summary>
    /// <param name="engineRestarts">False when systemd supervises the app: the container then keeps no restart policy.</param>
    /// <param name="current"><see cref="LookUpAsync"/> of the spec's name started earlier (while the image built), or null.</param>
    public Task<(StartedContainer? Started, string? Failure)> RunAsync(
        HookContext context, ContainerSpec spec, TimeSpan startTimeout, bool engineRestarts, CancellationToken cancellationToken,
        Task<ContainerInspectResponse?>? current = null) =>
        RunAsync(
            context,
            new SwapPlan
            {
                Name = spec.Name,
                Create = spec.ToCreateParameters(),
                EngineRestarts = engineRestarts,
                Readiness = new ReadinessProbe(engine, spec, startTimeout),
                AppPort = spec.Ports.Count > 0 ? spec.Ports[0] : null,
                StartRefused = engineMessage => StartFailures.StartRefused(spec, engineMessage),
                Current = current,
            },
            cancellationToken);

    /// <summary>Returns the ready container, or the failure message (after rolling back).</summary>
    internal async Task<(StartedContainer? Started, string? Failure)> RunAsync(HookContext context, SwapPlan plan, CancellationToken cancellationToken)
    {
        var asideName = AsideName(plan.Name);
        var t = Stopwatch.GetTimestamp();
        var existing = await (plan.Current ?? LookUpAsync(context, plan.Name, cancellationToken));

        // Renamed while it still runs (a rename does not touch a running container), so the new container can take the
        // name and be created while the old one stops: it holds the port only until it stops, and the start waits for that.
        string? aside = null;
        if (existing is not null)
        {
            await engine.RenameContainerAsync(existing.ID, asideName, cancellationToken);
            aside = asideName;
        }

        context.Log.Record(DeploySteps.Switch, Stopwatch.GetElapsedTime(t));

        // No restart policy while starting: a crash stays a crash (with its exit code and output) instead of a
        // restart loop. The spec's own policy is applied once the container is ready.
        var restartPolicy = plan.EngineRestarts ? plan.Create.HostConfig!.RestartPolicy : null;
        plan.Create.HostConfig!.RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No };

        string? id = null;
        string? failure;
        var stopping = Task.CompletedTask;
        try
        {
            t = Stopwatch.GetTimestamp();
            var creating = engine.CreateContainerAsync(plan.Create, cancellationToken);
            stopping = existing is null ? Task.CompletedTask : StopAsideAsync(context, existing, plan.Name, cancellationToken);
            try
            {
                await Task.WhenAll(creating, stopping);
            }
            finally
            {
                // Both have ended here: a container created while the stop failed is still the run's to remove.
                id = creating.IsCompletedSuccessfully ? creating.Result : null;

                // With an old container this was mostly its stop (the create ran meanwhile), so it counts as the switch.
                context.Log.Record(existing is null ? DeploySteps.Start : DeploySteps.Switch, Stopwatch.GetElapsedTime(t));
            }

            t = Stopwatch.GetTimestamp();
            var created = id!;
            failure = await StartAsync(plan, created, cancellationToken);
            context.Log.Record(DeploySteps.Start, Stopwatch.GetElapsedTime(t));
            if (failure is null)
            {
                var (started, notReady) = await plan.Readiness.WaitReadyAsync(context, created, cancellationToken);
                if (started is not null)
                {
                    t = Stopwatch.GetTimestamp();
                    await CommitAsync(context, created, aside, restartPolicy, cancellationToken);
                    context.Log.Record(DeploySteps.Switch, Stopwatch.GetElapsedTime(t));
                    return (started, null);
                }

                failure = notReady;
            }
        }
        catch (DockerApiException e) when (stopping.IsFaulted)
        {
            failure = $"The previous container {plan.Name} could not be stopped: {EngineErrors.Describe(e)}";
        }
        catch (DockerApiException e)
        {
            failure = $"Container {plan.Name} could not be {(id is null ? "created" : "started")}: {EngineErrors.Describe(e)}";
        }
        catch (Exception)
        {
            await RollBackAsync(context, plan, id, aside);
            throw;
        }

        await RollBackAsync(context, plan, id, aside);
        return (null, failure);
    }

    private static string AsideName(string name) => $"{name}.previous";

    /// <summary>
    /// The container named <paramref name="name"/> now. A set-aside container left by a deploy that was killed mid-swap
    /// is the last one known to work: it is put back when nothing took its name, and dropped when a newer container
    /// did. Both names are looked up at once: a deploy asks right after its build, where every call is waited for.
    /// </summary>
    public async Task<ContainerInspectResponse?> LookUpAsync(HookContext context, string name, CancellationToken cancellationToken)
    {
        var asideName = AsideName(name);
        var asideLookup = engine.InspectContainerAsync(asideName, cancellationToken);
        var currentLookup = engine.InspectContainerAsync(name, cancellationToken);
        await Task.WhenAll(asideLookup, currentLookup);
        var (aside, current) = (asideLookup.Result, currentLookup.Result);
        if (aside is null)
        {
            return current;
        }

        if (current is not null)
        {
            await engine.RemoveContainerAsync(aside.ID, force: true, cancellationToken);
            return current;
        }

        await engine.RenameContainerAsync(aside.ID, name, cancellationToken);
        context.Log.Warn($"Found {asideName} from an interrupted deploy and named it {name} again.");
        return await engine.InspectContainerAsync(name, cancellationToken);
    }

    /// <summary>Stops the current container, already renamed out of the way.</summary>
    private async Task StopAsideAsync(HookContext context, ContainerInspectResponse existing, string name, CancellationToken cancellationToken)
    {
        await engine.StopContainerAsync(existing.ID, StopGrace, cancellationToken);
        context.Log.Info($"Stopped the previous container {name} ({existing.Config?.Image}); it is kept until the new one answers.");
    }

    private async Task<string?> StartAsync(SwapPlan plan, string id, CancellationToken cancellationToken)
    {
        try
        {
            await engine.StartContainerAsync(id, cancellationToken);
            return null;
        }
        catch (DockerApiException e)
        {
            return plan.StartRefused(EngineErrors.Describe(e));
        }
    }

    /// <summary>The restart policy first: removing the set-aside container is the one step that cannot be undone.</summary>
    private async Task CommitAsync(HookContext context, string id, string? asideName, RestartPolicy? restartPolicy, CancellationToken cancellationToken)
    {
        if (restartPolicy is not null)
        {
            await engine.UpdateRestartPolicyAsync(id, restartPolicy, cancellationToken);
        }

        if (asideName is not null)
        {
            await engine.RemoveContainerAsync(asideName, force: true, cancellationToken);
            context.Log.Info("Removed the previous container.");
        }

        context.Log.Info($"Container {id[..12]} answers.");
    }

    /// <summary>
    /// Removes the new container and puts the previous one back, then waits (up to <see cref="RollBackAnswerWait"/>)
    /// until its published app port answers, so the failed deploy ends with the previous release serving again. Runs
    /// even when the deploy was cancelled, within its own time limit: nothing of a failed run stays.
    /// </summary>
    private async Task RollBackAsync(HookContext context, SwapPlan plan, string? newId, string? asideName)
    {
        var name = plan.Name;
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
                await WaitAnswersAgainAsync(context, plan, cleanup.Token);
            }
        }
        catch (Exception e) when (e is DockerApiException or DockerUnavailableException or OperationCanceledException)
        {
            context.Log.Error($"Could not roll back container {name}: {e.Message}. Redeploy, or start it with the Start action.");
        }
    }

    /// <summary>
    /// The engine's proxy accepts connections on the published port at once and closes them until the app listens, so
    /// "started" is not yet "serving". Without an app port (host or no network, a vLLM server whose model may take
    /// minutes to load) the start is all there is to wait for.
    /// </summary>
    private async Task WaitAnswersAgainAsync(HookContext context, SwapPlan plan, CancellationToken cancellationToken)
    {
        var (answered, last) = plan.AppPort is null
            ? (true, null)
            : await ReadinessProbe.WaitAsync(
                engine, plan.Name, inspect => PublishedPorts.AppEndpoint(inspect, plan.AppPort), needsPort: true, RollBackAnswerWait, cancellationToken);
        var name = plan.Name;
        context.Log.Warn(answered || last?.State is null
            ? $"Rolled back: the previous container {name} runs again."
            : !last.State.Running || last.State.Restarting
                ? $"Rolled back: the previous container {name} was started again, but it exited with code {last.State.ExitCode}; see its logs."
                : $"Rolled back: the previous container {name} runs again, but {Endpoint(last, plan.AppPort)} did not answer within {Durations.Describe(RollBackAnswerWait)}; see its logs.");
    }

    private static string Endpoint(ContainerInspectResponse inspect, PortPublish? appPort) =>
        PublishedPorts.AppEndpoint(inspect, appPort) is { } endpoint ? $"{endpoint.Host}:{endpoint.Port}" : "its port";
}
