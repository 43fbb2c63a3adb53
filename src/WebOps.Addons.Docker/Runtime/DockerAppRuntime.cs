using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Hooks;
using WebOps.Addons.Docker.Systemd;
using WebOps.Core.Hooks;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Docker.Runtime;

/// <summary>
/// Start, stop, restart, remove, logs and state of apps that run in Docker containers. A deployment whose systemd
/// unit is installed (<c>Docker:Supervisor=systemd</c>) is started, stopped and restarted through systemctl, so
/// systemd keeps knowing what should run.
/// </summary>
public sealed class DockerAppRuntime(DockerEngine engine, DockerUnits units) : IAppRuntime
{
    public bool Handles(DeploymentSnapshot deployment) => deployment.UseDocker;

    public async Task StartAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken)
    {
        if (units.Supervises(deployment.Name))
        {
            await units.Units.StartAsync(deployment.Name, cancellationToken);
            return;
        }

        var container = await RequireAsync(deployment, cancellationToken);
        if (container.State is not { Running: true })
        {
            await engine.StartContainerAsync(container.ID, cancellationToken);
        }
    }

    public async Task StopAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken)
    {
        if (units.Supervises(deployment.Name))
        {
            await units.Units.StopAsync(deployment.Name, cancellationToken);
            return;
        }

        var container = await RequireAsync(deployment, cancellationToken);
        await engine.StopContainerAsync(container.ID, ContainerSwap.StopGrace, cancellationToken);
    }

    public async Task RestartAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken)
    {
        if (units.Supervises(deployment.Name))
        {
            await units.Units.RestartAsync(deployment.Name, cancellationToken);
            return;
        }

        var container = await RequireAsync(deployment, cancellationToken);
        await engine.RestartContainerAsync(container.ID, ContainerSwap.StopGrace, cancellationToken);
    }

    /// <summary>
    /// Disables and deletes the deployment's systemd unit if it has one, then removes every container labelled for
    /// the deployment (and with <see cref="RemoveOptions.Images"/> its images; a single container has no named volumes).
    /// </summary>
    public async Task RemoveAsync(DeploymentSnapshot deployment, RemoveOptions options, CancellationToken cancellationToken)
    {
        if (units.Supervises(deployment.Name))
        {
            await units.Units.RemoveAsync(deployment.Name, cancellationToken);
        }

        var labels = Labels.ForDeployment(deployment.Name);
        foreach (var container in await engine.ListContainersAsync(labels, cancellationToken))
        {
            await engine.RemoveContainerAsync(container.ID, force: true, cancellationToken);
        }

        if (!options.Images)
        {
            return;
        }

        foreach (var image in await engine.ListImagesAsync(labels, cancellationToken))
        {
            await engine.RemoveImageAsync(image.ID, force: true, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<RuntimeLogLine>> GetLogsAsync(DeploymentSnapshot deployment, int tail, CancellationToken cancellationToken)
    {
        var container = await RequireAsync(deployment, cancellationToken);
        return await engine.GetLogsAsync(container.ID, tail, cancellationToken);
    }

    public async Task<RuntimeState?> InspectAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken)
    {
        var container = await engine.InspectContainerAsync(deployment.ContainerName, cancellationToken);
        return container?.State is { } state ? ToState(container, state) : null;
    }

    private static RuntimeState ToState(ContainerInspectResponse container, State state)
    {
        var ports = (container.NetworkSettings?.Ports ?? new Dictionary<string, IList<PortBinding>>())
            .Where(pair => pair.Value is not null)
            .SelectMany(pair => pair.Value.Select(b => Spec.PortPublish.Describe(b.HostIP, b.HostPort, pair.Key)))
            .ToList();
        var app = new RunningContainer(container.Config?.Image ?? container.Image, container.ID) { PublishedPorts = ports };
        return new RuntimeState(state.Status, state.Running, app, (int)container.RestartCount, state.Running ? null : (int)state.ExitCode);
    }

    private async Task<ContainerInspectResponse> RequireAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken) =>
        await engine.InspectContainerAsync(deployment.ContainerName, cancellationToken)
        ?? throw new ContainerMissingException(deployment.ContainerName);
}
