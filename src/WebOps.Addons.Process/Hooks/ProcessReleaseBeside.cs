using Microsoft.Extensions.Options;
using WebOps.Addons.Process.Build;
using WebOps.Addons.Process.Launch;
using WebOps.Addons.Process.Runtime;
using WebOps.Core.Hooks;
using WebOps.Core.Proxy;
using WebOps.Core.Runtime;
using WebOps.Core.Systemd;

namespace WebOps.Addons.Process.Hooks;

/// <summary>
/// A redeploy without downtime for an app the edge routes to: the new release starts from its own folder on its own
/// loopback port beside the running one; once it answers HTTP, the edge is switched to it, it becomes the supervised
/// release, and the previous one drains and stops. A new release that never answers is killed (its whole process
/// group) and the running one was never touched.
/// </summary>
public sealed class ProcessReleaseBeside(AppPaths paths, ProcessApps apps, IOptions<ProcessOptions> options)
{
    /// <summary>Why this redeploy must stop the running release first, or null when the new one can start beside it.</summary>
    public string? StopFirstReason(DeploymentSnapshot deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        if (apps.UnderSystemd)
        {
            return $"systemd runs '{deployment.Name}' as one unit ({UnitInstaller.UnitName(deployment.Name)}), "
                + "so the previous release stops before the new one starts.";
        }

        return apps.Status(deployment.Name, null) is { Running: true }
            ? null
            : $"No release of '{deployment.Name}' is running, so the new one starts on the deployment's port {deployment.HostPort}.";
    }

    /// <summary>Starts the release in <paramref name="releaseFolder"/> with the spec <paramref name="specOn"/> makes for a new port.</summary>
    public async Task<HookResult> RunAsync(
        HookContext context, IEdgeRouter edge, string releaseFolder, Func<int, LaunchSpec> specOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(edge);
        ArgumentNullException.ThrowIfNull(specOn);
        var d = context.Deployment;
        var port = await edge.ReservePortAsync(d, cancellationToken);
        var spec = specOn(port);
        var previousSpec = await LaunchSpec.LoadAsync(paths.LaunchFile(d.Name), cancellationToken);
        context.Log.Info($"Starting the new release {Path.GetFileName(releaseFolder)} on port {port} beside the running one on port {previousSpec?.HostPort ?? d.HostPort}, which keeps serving.");

        var (started, failure) = await apps.StartBesideAsync(d.Name, spec, d.EnvVars, cancellationToken);
        if (started is not null)
        {
            try
            {
                failure = await EdgeSwitch.ToPortAsync(edge, context, ProcessLog.Source, port, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await started.KillAsync(CancellationToken.None);
                throw;
            }

            if (failure is not null)
            {
                await started.KillAsync(CancellationToken.None);
            }
        }

        if (started is null || failure is not null)
        {
            Delete(context, releaseFolder);
            return HookResult.Fail(failure!);
        }

        // Switched: from here on the new release is the one that serves, so nothing below stops it.
        await TakeOverAsync(context, started, spec, edge, previousSpec?.HostPort ?? d.HostPort, cancellationToken);
        var kept = new List<string> { releaseFolder };
        if (previousSpec is not null && ReleaseFolder.Holding(paths.Root(d.Name), previousSpec.WorkingDirectory) is { } previousFolder)
        {
            kept.Add(previousFolder);
        }

        Tidy(context, kept);
        var app = new RunningProcess(started.Pid, spec.Description) { PublishedPorts = [$"127.0.0.1:{port}"], Url = spec.Url, HostPort = port };
        context.Log.Info($"'{d.Name}' answers at {spec.Url} ({app.Describe()})");
        return HookResult.Started(app);
    }

    /// <summary>
    /// Runs to the end even when the deploy is cancelled (the edge already sends the traffic to the new release): the
    /// new release becomes the supervised one, the previous one serves what it took until the edge has none in flight (the drain timeout at most), then stops.
    /// </summary>
    private async Task TakeOverAsync(
        HookContext context, RunningRelease started, LaunchSpec spec, IEdgeRouter edge, int? previousPort, CancellationToken cancellationToken)
    {
        var name = context.Deployment.Name;
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(60) + options.Value.StopTimeout);
        RunningRelease? previous;
        try
        {
            previous = await apps.PromoteAsync(name, started, spec, cleanup.Token);
        }
        catch (IOException e)
        {
            context.Log.Error($"The new release of '{name}' serves, but it could not be made the supervised one: {e.Message}. Redeploy '{name}'.");
            return;
        }

        if (previous is null)
        {
            return;
        }

        if (edge.DrainTimeout > TimeSpan.Zero)
        {
            // The edge no longer sends it anything new; a cancelled deploy stops it at once.
            context.Log.Info($"The previous release ({previous.Describe()}) drains until the edge has no request in flight to it, for {edge.DrainTimeout.TotalSeconds:0.#} s at most.");
            var drained = await edge.DrainAsync(previousPort, cancellationToken);
            context.Log.Info(drained.Describe($"The previous release ({previous.Describe()})"));
        }

        try
        {
            await previous.StopAsync(options.Value.StopTimeout, cleanup.Token);
            context.Log.Info($"Stopped the previous release ({previous.Describe()}).");
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            context.Log.Error($"The new release serves, but the previous one ({previous.Describe()}) could not be stopped: {e.Message}. "
                + "Stop it by hand; the next deploy or panel start stops it too.");
        }
    }

    private static void Delete(HookContext context, string releaseFolder)
    {
        try
        {
            Directory.Delete(releaseFolder, recursive: true);
        }
        catch (IOException e)
        {
            context.Log.Warn($"Could not delete the failed release {releaseFolder}: {e.Message}. The next deploy deletes it.");
        }
    }

    private void Tidy(HookContext context, IReadOnlyCollection<string> kept)
    {
        try
        {
            var deleted = ReleaseFolder.DeleteAllBut(paths.Root(context.Deployment.Name), kept);
            if (deleted.Count > 0)
            {
                context.Log.Info($"Deleted older release folders: {string.Join(", ", deleted)}.");
            }
        }
        catch (IOException e)
        {
            context.Log.Warn($"Could not delete older release folders of '{context.Deployment.Name}': {e.Message}. The next deploy tries again.");
        }
    }
}
