using WebOps.Addons.Process.Build;
using WebOps.Addons.Process.Launch;
using WebOps.Addons.Process.Runtime;
using WebOps.Core.Deployments;
using WebOps.Core.Detection;
using WebOps.Core.Hooks;
using WebOps.Core.Proxy;
using WebOps.Core.Runtime;
using WebOps.Core.Systemd;

namespace WebOps.Addons.Process.Hooks;

/// <summary>
/// post_deployment: starts the prepared release and reports pid and address to the deploy. When the edge routes the
/// deployment and a release runs, the new one starts beside it (<see cref="ProcessReleaseBeside"/>); otherwise the
/// previous app stops first, the release becomes <c>current</c>, and the new one starts on 127.0.0.1:HOST_PORT. Either
/// way launch.json records how to start the app again. Does nothing for Docker deployments.
/// </summary>
public sealed class ProcessRunHandler(
    AppPaths paths, ProcessApps apps, ProcessReleaseBeside beside, IEdgeRouter? edge = null, SystemctlClient? systemctl = null) : IHookHandler
{
    public const string HandlerName = "process.run";

    public string Name => HandlerName;

    public async Task<HookResult> ExecuteAsync(HookContext context, CancellationToken cancellationToken)
    {
        var d = context.Deployment;
        if (d.UseDocker)
        {
            return HookResult.Ok();
        }

        var release = paths.Release(d.Name, d.DeployRunId ?? 0);
        if (context.Detection is not { } detection || !Directory.Exists(release))
        {
            return HookResult.Fail($"'{d.Name}' has no prepared release at '{release}': is the process addon's prepare hook enabled?");
        }

        if (d.HostPort is not { } port)
        {
            return HookResult.Fail($"'{d.Name}' has no host port allocated; redeploy it.");
        }

        if (d.ProjectType == ProjectType.Django && string.IsNullOrEmpty(detection.WsgiModule))
        {
            return HookResult.Fail($"No WSGI module found for '{d.Name}': add WSGI_APPLICATION to its settings, or a wsgi.py beside them.");
        }

        var limits = LaunchLimits.For(d.Name, d.Resources, systemctl?.IsPid1() == true, apps.UnderSystemd, d.ProjectType == ProjectType.Static);
        if (limits.Note is { } note)
        {
            context.Log.Info(note);
        }

        if (edge is not null && edge.Routes(d))
        {
            var stopFirst = beside.StopFirstReason(d);
            if (stopFirst is null)
            {
                return await beside.RunAsync(context, edge, release, p => limits.Apply(Spec(d, detection, release, p)), cancellationToken);
            }

            context.Log.Info(stopFirst);
        }
        else if (apps.Status(d.Name, null) is { Running: true })
        {
            context.Log.Info($"The edge does not route '{d.Name}' (it is off or not answering, or the deployment has no domain), "
                + "so the previous release stops before the new one starts.");
        }

        // The old app must not run from a folder being swapped away (it may still import modules lazily).
        await apps.StopAsync(d.Name, cancellationToken);
        var current = paths.Current(d.Name);
        ReleaseFolder.Swap(release, current);
        var spec = limits.Apply(Spec(d, detection, current, port));
        await spec.SaveAsync(paths.LaunchFile(d.Name), cancellationToken);
        try
        {
            await apps.StartAsync(d.Name, spec, d.EnvVars, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            return HookResult.Fail(e.Message);
        }
        catch (IOException e)
        {
            return HookResult.Fail($"Could not start '{d.Name}' on 127.0.0.1:{port}: {e.Message}. Is the port taken by another program?");
        }

        var pid = apps.Status(d.Name, spec)?.Pid;
        if (pid is null && !apps.UnderSystemd)
        {
            return HookResult.Fail($"'{d.Name}' was started but has no process any more: see its runtime logs, fix the app, then redeploy.");
        }

        var app = new RunningProcess(pid, spec.Description) { PublishedPorts = [$"127.0.0.1:{port}"], Url = spec.Url };
        context.Log.Info($"'{d.Name}' answers at {spec.Url} ({app.Describe()})");
        return HookResult.Started(app);
    }

    /// <summary>How to run the release in <paramref name="folder"/> on <paramref name="port"/>.</summary>
    private LaunchSpec Spec(DeploymentSnapshot d, DetectionResult detection, string folder, int port)
    {
        var appDir = Path.GetFullPath(Path.Combine(folder, detection.AppDir));
        var venv = paths.Venv(d.Name);
        return d.ProjectType == ProjectType.Django
            ? LaunchSpecs.Django(venv, File.Exists(Path.Combine(venv, "bin", "gunicorn")), appDir, detection.WsgiModule!, port)
            : LaunchSpecs.Static(appDir, port);
    }
}
