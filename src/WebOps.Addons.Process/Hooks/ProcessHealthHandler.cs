using WebOps.Addons.Process.Launch;
using WebOps.Addons.Process.Runtime;
using WebOps.Core.Hooks;

namespace WebOps.Addons.Process.Hooks;

/// <summary>
/// health_check: the app's process is alive (for a static site, its listener answers). Metrics: pid,
/// restart_count, uptime_seconds and rss_bytes. Does nothing for Docker deployments.
/// </summary>
public sealed class ProcessHealthHandler(AppPaths paths, ProcessApps apps) : IHookHandler
{
    public const string HandlerName = "process.health";

    public string Name => HandlerName;

    public async Task<HookResult> ExecuteAsync(HookContext context, CancellationToken cancellationToken)
    {
        var d = context.Deployment;
        if (d.UseDocker)
        {
            return HookResult.Ok();
        }

        var spec = await LaunchSpec.LoadAsync(paths.LaunchFile(d.Name), cancellationToken);
        if (apps.Status(d.Name, spec) is not { } status)
        {
            return HookResult.Unhealthy($"'{d.Name}' is not running under this panel; start or redeploy it.");
        }

        context.Metrics["pid"] = status.Pid;
        context.Metrics["restart_count"] = status.RestartCount;
        context.Metrics["uptime_seconds"] = (long)status.Uptime.TotalSeconds;
        context.Metrics["rss_bytes"] = status.RssBytes;
        if (!status.Running)
        {
            var exit = status.LastExitCode is { } code ? $" (last exit code {code})" : "";
            return HookResult.Unhealthy($"'{d.Name}' has no live process{exit}; it is being restarted. See its runtime logs.");
        }

        if (spec?.Kind == LaunchKind.Static && !await PortProbe.AcceptsAsync(spec.HostPort, cancellationToken))
        {
            return HookResult.Unhealthy($"The static site '{d.Name}' does not accept connections on 127.0.0.1:{spec.HostPort}; restart it.");
        }

        return HookResult.Healthy($"pid {status.Pid}, up {(long)status.Uptime.TotalSeconds} s");
    }
}
