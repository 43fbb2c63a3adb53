using WebOps.Addons.Process.Launch;
using WebOps.Addons.Process.Systemd;
using WebOps.Core.Hooks;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Process.Runtime;

/// <summary>Start, stop, restart, remove, logs and state of deployments that run without Docker.</summary>
public sealed class ProcessAppRuntime(AppPaths paths, ProcessApps apps, SupervisorChoice supervisor, SystemdHost systemd) : IAppRuntime
{
    public bool Handles(DeploymentSnapshot deployment) => !deployment.UseDocker;

    public async Task StartAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken)
    {
        var spec = await SpecAsync(deployment, cancellationToken);
        await apps.StartAsync(deployment.Name, spec, deployment.EnvVars, cancellationToken);
    }

    public Task StopAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken) =>
        apps.StopAsync(deployment.Name, cancellationToken);

    /// <summary>Stops and starts again: a process gets a new pid.</summary>
    public Task RestartAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken) =>
        StartAsync(deployment, cancellationToken);

    /// <summary>Stops the app and deletes its folder (release, virtual environment, logs).</summary>
    public async Task RemoveAsync(DeploymentSnapshot deployment, RemoveOptions options, CancellationToken cancellationToken)
    {
        await apps.StopAsync(deployment.Name, cancellationToken);
        if (supervisor.UseSystemd && systemd.IsInstalled(deployment.Name))
        {
            await systemd.RemoveAsync(deployment.Name, cancellationToken);
        }

        var root = paths.Root(deployment.Name);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public Task<IReadOnlyList<RuntimeLogLine>> GetLogsAsync(DeploymentSnapshot deployment, int tail, CancellationToken cancellationToken) =>
        apps.LogsAsync(deployment.Name, tail, cancellationToken);

    public async Task<RuntimeState?> InspectAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken)
    {
        var spec = await LaunchSpec.LoadAsync(paths.LaunchFile(deployment.Name), cancellationToken);
        if (spec is null)
        {
            return null;
        }

        var status = apps.Status(deployment.Name, spec);
        var running = status?.Running == true;
        var app = new RunningProcess(status?.Pid, spec.Description) { PublishedPorts = [$"127.0.0.1:{spec.HostPort}"], Url = spec.Url };
        return new RuntimeState(running ? "running" : "exited", running, app, status?.RestartCount ?? 0, status?.LastExitCode);
    }

    private async Task<LaunchSpec> SpecAsync(DeploymentSnapshot deployment, CancellationToken ct) =>
        await LaunchSpec.LoadAsync(paths.LaunchFile(deployment.Name), ct)
        ?? throw new InvalidOperationException($"'{deployment.Name}' was never deployed without Docker here; deploy it first.");
}
