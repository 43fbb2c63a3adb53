using WebOps.Addons.Process.Build;
using WebOps.Addons.Process.Launch;
using WebOps.Addons.Process.Runtime;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Process.Hooks;

/// <summary>
/// post_deployment: stops the previous app, makes the prepared release current, records how to start the app
/// (launch.json) and starts the new one on 127.0.0.1:HOST_PORT, then reports pid and address to the deploy.
/// Does nothing for Docker deployments.
/// </summary>
public sealed class ProcessRunHandler(AppPaths paths, ProcessApps apps) : IHookHandler
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

        // The old app must not run from a folder being swapped away (it may still import modules lazily).
        await apps.StopAsync(d.Name, cancellationToken);
        var current = paths.Current(d.Name);
        ReleaseFolder.Swap(release, current);
        var appDir = Path.GetFullPath(Path.Combine(current, detection.AppDir));
        var venv = paths.Venv(d.Name);
        var spec = d.ProjectType == ProjectType.Django
            ? LaunchSpecs.Django(venv, File.Exists(Path.Combine(venv, "bin", "gunicorn")), appDir, detection.WsgiModule!, port)
            : LaunchSpecs.Static(appDir, port);
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
        context.Log.Write(DeploymentLogLevel.Info, "addon:process", $"'{d.Name}' answers at {spec.Url} ({app.Describe()})");
        return HookResult.Started(app);
    }
}
