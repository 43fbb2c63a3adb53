using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;
using WebOps.Core.Hooks;
using WebOps.Core.Proxy;
using ContainerSpec = WebOps.Addons.Docker.Spec.ContainerSpec;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>
/// A redeploy without downtime for an app the edge routes to: the new container starts beside the running one as
/// <c>NAME.next</c> on its own loopback port; once it answers, the edge is switched to it, the old container drains
/// and is removed, and the new one takes the name <c>NAME</c> (a rename does not touch a running container). A new
/// container that never answers is removed and the old one was never touched.
/// </summary>
public sealed class ReleaseBeside(DockerEngine engine, ContainerSwap swap)
{
    public static string NextName(string name) => $"{name}.next";

    /// <summary>
    /// Why this redeploy must stop the old container first, or null when the new one can start beside it. Only a
    /// running container on the bridge network, publishing no fixed port but its own, has a port the edge can move.
    /// </summary>
    public async Task<string?> StopFirstReasonAsync(ContainerSpec spec, bool systemdSupervises, CancellationToken cancellationToken)
    {
        if (spec.NetworkMode != "bridge")
        {
            return spec.NetworkMode == "host"
                ? $"Network host: two releases cannot listen on one port, so the previous container {spec.Name} stops before the new one starts."
                : $"Network {spec.NetworkMode}: the edge has no route into the container, so the previous container {spec.Name} stops before the new one starts.";
        }

        if (systemdSupervises)
        {
            return $"systemd supervises {spec.Name} under one unit, so the previous container stops before the new one starts.";
        }

        if (spec.Ports.Count == 0 || spec.Ports[0].HostPort is null)
        {
            return $"{spec.Name} publishes no loopback port the edge could move, so the previous container stops before the new one starts.";
        }

        if (spec.Ports.Skip(1).Any(p => p.HostPort is > 0))
        {
            return $"{spec.Name} publishes fixed host ports besides its own, which two releases cannot share, so the previous container stops before the new one starts.";
        }

        return await engine.InspectContainerAsync(spec.Name, cancellationToken) is { State.Running: true }
            ? null
            : $"No container {spec.Name} is running, so the new one starts on the deployment's port {spec.Ports[0].HostPort}.";
    }

    /// <summary>Starts the release made by <paramref name="specOn"/> for a new port; returns it, or the failure (the old one still serves).</summary>
    public async Task<(StartedContainer? Started, string? Failure)> RunAsync(
        HookContext context, IEdgeRouter edge, Func<int, ContainerSpec> specOn, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        var deployment = context.Deployment;
        var port = await edge.ReservePortAsync(deployment, cancellationToken);
        var current = specOn(port);
        var name = current.Name;
        var spec = current with { Name = NextName(name) };
        await swap.LookUpAsync(context, name, cancellationToken);
        await RemoveLeftoverAsync(context, spec.Name, cancellationToken);

        var create = spec.ToCreateParameters();
        var restartPolicy = create.HostConfig!.RestartPolicy;
        create.HostConfig.RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No };
        context.Log.Info($"Starting the new release as {spec.Name} on port {port} beside {name}, which keeps serving.");

        string? id = null;
        string? failure;
        StartedContainer? started = null;
        try
        {
            var t = Stopwatch.GetTimestamp();
            id = await engine.CreateContainerAsync(create, cancellationToken);
            failure = await StartAsync(spec, id, cancellationToken);
            context.Log.Record(DeploySteps.Start, Stopwatch.GetElapsedTime(t));
            if (failure is null)
            {
                (started, failure) = await new ReadinessProbe(engine, spec, startTimeout).WaitReadyAsync(context, id, cancellationToken);
            }

            if (started is not null)
            {
                t = Stopwatch.GetTimestamp();
                failure = await EdgeSwitch.ToPortAsync(edge, context, DockerLog.Source, port, cancellationToken);
                context.Log.Record(DeploySteps.Switch, Stopwatch.GetElapsedTime(t));
            }
        }
        catch (DockerApiException e)
        {
            failure = $"Container {spec.Name} could not be {(id is null ? "created" : "started")}: {EngineErrors.Describe(e)}";
        }
        catch (Exception)
        {
            await RemoveNewAsync(context, spec.Name, id, name);
            throw;
        }

        if (started is null || failure is not null)
        {
            await RemoveNewAsync(context, spec.Name, id, name);
            return (null, failure);
        }

        // Switched: from here on the new container is the one that serves, so nothing below removes it.
        var retire = Stopwatch.GetTimestamp();
        await RetireAsync(context, edge, name, id!, restartPolicy, cancellationToken);
        context.Log.Record(DeploySteps.Switch, Stopwatch.GetElapsedTime(retire));
        return (started with { HostPort = port }, null);
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

    /// <summary>
    /// After the drain the old container goes and the new one takes its name, so the runtime actions, the health
    /// monitor and the next deploy find it where they always look. The restart policy is applied first, as for a
    /// swap. Runs to the end even when the deploy is cancelled: the edge already points at the new container.
    /// </summary>
    private async Task RetireAsync(
        HookContext context, IEdgeRouter edge, string name, string newId, RestartPolicy restartPolicy, CancellationToken cancellationToken)
    {
        if (edge.DrainTimeout > TimeSpan.Zero)
        {
            // The edge no longer sends it anything new; a cancelled deploy stops it at once.
            context.Log.Info($"The previous container {name} drains until the edge has no request in flight to it, for {Durations.Describe(edge.DrainTimeout)} at most.");
            var drained = await edge.DrainAsync(context.Deployment.HostPort, cancellationToken);
            context.Log.Info(drained.Describe($"The previous container {name}"));
        }

        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await engine.UpdateRestartPolicyAsync(newId, restartPolicy, cleanup.Token);
            if (await engine.InspectContainerAsync(name, cleanup.Token) is { } old)
            {
                await engine.StopContainerAsync(old.ID, ContainerSwap.StopGrace, cleanup.Token);
                await engine.RemoveContainerAsync(old.ID, force: true, cleanup.Token);
                context.Log.Info($"Removed the previous container {name} ({old.Config?.Image}).");
            }

            await engine.RenameContainerAsync(newId, name, cleanup.Token);
            context.Log.Info($"Container {newId[..12]} answers and is now named {name}.");
        }
        catch (Exception e) when (e is DockerApiException or DockerUnavailableException or OperationCanceledException)
        {
            // The new container serves already: the deploy succeeded, only the tidying is left to do by hand.
            context.Log.Error(
                $"The new release serves, but tidying up failed: {e.Message}. Run `docker rm -f {name}` and "
                + $"`docker rename {NextName(name)} {name}` (or redeploy) so the Start/Stop actions find it.");
        }
    }

    /// <summary>A <c>.next</c> container left by a deploy that was killed never took over: it is removed.</summary>
    private async Task RemoveLeftoverAsync(HookContext context, string nextName, CancellationToken cancellationToken)
    {
        if (await engine.InspectContainerAsync(nextName, cancellationToken) is { } leftover)
        {
            await engine.RemoveContainerAsync(leftover.ID, force: true, cancellationToken);
            context.Log.Warn($"Removed {nextName} left by an interrupted deploy.");
        }
    }

    /// <summary>Runs even when the deploy was cancelled, within its own time limit: nothing of a failed release stays.</summary>
    private async Task RemoveNewAsync(HookContext context, string nextName, string? newId, string name)
    {
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            if (newId is not null)
            {
                await engine.RemoveContainerAsync(newId, force: true, cleanup.Token);
            }

            context.Log.Warn($"Removed the new release {nextName}; the previous container {name} kept serving throughout.");
        }
        catch (Exception e) when (e is DockerApiException or DockerUnavailableException or OperationCanceledException)
        {
            context.Log.Error($"Could not remove the new release {nextName}: {e.Message}. Remove it with `docker rm -f {nextName}`; the next deploy removes it too.");
        }
    }
}
