using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>
/// Start, stop, restart, remove, logs and state of swarm deployments, on their service: stop scales it to 0, start
/// back to its replicas, restart forces an update (new tasks, start-first), remove removes the service. Images pushed
/// to the registry stay there; the registry's own garbage collection removes them.
/// </summary>
public sealed class SwarmAppRuntime(SwarmServices services, SwarmSecretsStore? secrets = null) : IAppRuntime
{
    public bool Handles(DeploymentSnapshot deployment) => deployment.Target == DeployTarget.Swarm;

    public Task StartAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken) =>
        ChangeAsync(deployment, (spec, _) => spec.Mode = new ServiceMode { Replicated = new ReplicatedService { Replicas = (ulong)deployment.Replicas } }, cancellationToken);

    public Task StopAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken) =>
        ChangeAsync(deployment, (spec, _) => spec.Mode = new ServiceMode { Replicated = new ReplicatedService { Replicas = 0 } }, cancellationToken);

    public Task RestartAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken) =>
        ChangeAsync(deployment, (spec, _) => (spec.TaskTemplate ??= new TaskSpec()).ForceUpdate++, cancellationToken);

    /// <summary>Removes the service, then every Swarm secret of the deployment (no service uses them any more).</summary>
    public async Task RemoveAsync(DeploymentSnapshot deployment, RemoveOptions options, CancellationToken cancellationToken)
    {
        await services.RemoveServiceAsync(deployment.ServiceName, cancellationToken);
        if (secrets is not null)
        {
            await secrets.RemoveAsync(deployment.Name, new HashSet<string>(), _ => { }, cancellationToken);
        }
    }

    /// <summary>The last lines of every task, each marked with its task's slot and node: <c>[task 2 on web-2] …</c>.</summary>
    public async Task<IReadOnlyList<RuntimeLogLine>> GetLogsAsync(DeploymentSnapshot deployment, int tail, CancellationToken cancellationToken)
    {
        var tasks = await services.ListTasksAsync(deployment.ServiceName, cancellationToken);
        var hosts = (await services.ListNodesAsync(cancellationToken)).ToDictionary(n => n.ID, n => n.Description?.Hostname ?? n.ID[..12]);
        var client = await services.ClientAsync(cancellationToken);
        var parameters = new ServiceLogsParameters
        {
            ShowStdout = true,
            ShowStderr = true,
            Timestamps = true,
            Details = true,
            Tail = tail.ToString(CultureInfo.InvariantCulture),
        };
        var raw = await client.Swarm.GetServiceLogsAsync(deployment.ServiceName, parameters, cancellationToken);
        using var stream = new MultiplexedStream(raw, true);
        var lines = await LogDemultiplexer.ReadAllAsync(stream, cancellationToken);
        var slots = tasks.ToDictionary(t => t.ID, t => t);
        return [.. lines.Select(line => line with { Text = SwarmLogLine.Mark(line.Text, slots, hosts) })];
    }

    public async Task<RuntimeState?> InspectAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken)
    {
        var service = await services.FindServiceAsync(deployment.ServiceName, cancellationToken);
        if (service is null)
        {
            return null;
        }

        var tasks = await services.ListTasksAsync(deployment.ServiceName, cancellationToken);
        var wanted = (int)(service.Spec?.Mode?.Replicated?.Replicas ?? 0);
        var running = tasks.Count(t => t.DesiredState == TaskState.Running && t.Status?.State == TaskState.Running);
        var restarts = Math.Max(0, tasks.Count(t => t.DesiredState != TaskState.Running && t.Status?.State is TaskState.Failed or TaskState.Rejected));
        var state = wanted == 0 ? "exited" : running >= wanted ? "running" : running > 0 ? "degraded" : "starting";
        var app = new RunningContainer(service.Spec?.TaskTemplate?.ContainerSpec?.Image ?? "", service.ID) { ServiceName = deployment.ServiceName, Replicas = wanted };
        return new RuntimeState(state, wanted > 0 && running >= wanted, app, restarts, null);
    }

    private async Task ChangeAsync(DeploymentSnapshot deployment, Action<ServiceSpec, SwarmService> change, CancellationToken cancellationToken)
    {
        var service = await services.FindServiceAsync(deployment.ServiceName, cancellationToken)
            ?? throw new Runtime.ContainerMissingException(deployment.ServiceName);
        var spec = service.Spec ?? throw new Runtime.ContainerMissingException(deployment.ServiceName);
        change(spec, service);
        await services.UpdateServiceAsync(service, spec, cancellationToken);
    }
}
