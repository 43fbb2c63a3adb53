using WebOps.Core.Hooks;

namespace WebOps.Core.Runtime;

/// <summary>
/// Start/stop/restart/remove/logs for a deployed app, whatever runs it (Docker container or supervised process).
/// </summary>
public interface IAppRuntime
{
    /// <summary>True when this runtime manages the given deployment (e.g. Docker for use_docker).</summary>
    bool Handles(DeploymentSnapshot deployment);

    Task StartAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken);

    Task StopAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken);

    Task RestartAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken);

    /// <summary>Removes everything the app left running; images and named volumes too when <paramref name="options"/> asks.</summary>
    Task RemoveAsync(DeploymentSnapshot deployment, RemoveOptions options, CancellationToken cancellationToken);

    Task<IReadOnlyList<RuntimeLogLine>> GetLogsAsync(DeploymentSnapshot deployment, int tail, CancellationToken cancellationToken);

    /// <summary>One service's lines, for apps made of several (Compose); others have one and refuse a name.</summary>
    Task<IReadOnlyList<RuntimeLogLine>> GetServiceLogsAsync(DeploymentSnapshot deployment, string service, int tail, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"'{deployment.Name}' is not a Compose project: it has no service '{service}'; leave out the service.");

    /// <summary>Current state as seen by the runtime (null when nothing exists).</summary>
    Task<RuntimeState?> InspectAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken);
}
