using Docker.DotNet;
using Docker.DotNet.Models;

namespace WebOps.Addons.Docker.Engine;

public sealed partial class DockerEngine
{
    /// <summary>Creates a container and returns its id.</summary>
    public async Task<string> CreateContainerAsync(CreateContainerParameters parameters, CancellationToken cancellationToken)
    {
        EngineLog.CreateContainer(logger, parameters.Name ?? "(unnamed)", parameters.Image);
        var connected = await ClientAsync(cancellationToken);
        var created = await Call(() => connected.Containers.CreateContainerAsync(parameters, cancellationToken));
        return created.ID;
    }

    public async Task StartContainerAsync(string container, CancellationToken cancellationToken)
    {
        EngineLog.StartContainer(logger, container);
        var connected = await ClientAsync(cancellationToken);
        await Call(() => connected.Containers.StartContainerAsync(container, new ContainerStartParameters(), cancellationToken));
    }

    /// <summary>Stops with SIGTERM, then SIGKILL after <paramref name="grace"/>. False when it was not running.</summary>
    public async Task<bool> StopContainerAsync(string container, TimeSpan grace, CancellationToken cancellationToken)
    {
        var seconds = (uint)Math.Ceiling(grace.TotalSeconds);
        EngineLog.StopContainer(logger, container, seconds);
        var connected = await ClientAsync(cancellationToken);
        return await Call(() => connected.Containers.StopContainerAsync(
            container, new ContainerStopParameters { WaitBeforeKillSeconds = seconds }, cancellationToken));
    }

    public async Task RestartContainerAsync(string container, TimeSpan grace, CancellationToken cancellationToken)
    {
        var seconds = (uint)Math.Ceiling(grace.TotalSeconds);
        EngineLog.RestartContainer(logger, container, seconds);
        var connected = await ClientAsync(cancellationToken);
        await Call(() => connected.Containers.RestartContainerAsync(
            container, new ContainerRestartParameters { WaitBeforeKillSeconds = seconds }, cancellationToken));
    }

    /// <summary>Removes a container (killing it first when <paramref name="force"/>). False when it did not exist.</summary>
    public async Task<bool> RemoveContainerAsync(string container, bool force, CancellationToken cancellationToken)
    {
        EngineLog.RemoveContainer(logger, container);
        var connected = await ClientAsync(cancellationToken);
        try
        {
            await Call(() => connected.Containers.RemoveContainerAsync(
                container, new ContainerRemoveParameters { Force = force }, cancellationToken));
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
    }

    public async Task RenameContainerAsync(string container, string newName, CancellationToken cancellationToken)
    {
        EngineLog.RenameContainer(logger, container, newName);
        var connected = await ClientAsync(cancellationToken);
        await Call(() => connected.Containers.RenameContainerAsync(
            container, new ContainerRenameParameters { NewName = newName }, cancellationToken));
    }

    /// <summary>Null when no such container exists.</summary>
    public async Task<ContainerInspectResponse?> InspectContainerAsync(string container, CancellationToken cancellationToken)
    {
        EngineLog.InspectContainer(logger, container);
        var connected = await ClientAsync(cancellationToken);
        try
        {
            return await Call(() => connected.Containers.InspectContainerAsync(container, cancellationToken));
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Containers carrying all the given labels, stopped ones included.</summary>
    public async Task<IList<ContainerListResponse>> ListContainersAsync(
        IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        EngineLog.ListContainers(logger, LabelFilter.Describe(labels));
        var connected = await ClientAsync(cancellationToken);
        return await Call(() => connected.Containers.ListContainersAsync(
            new ContainersListParameters { All = true, Filters = LabelFilter.For(labels) }, cancellationToken));
    }

    /// <summary>Changes the restart policy (kind and, for on-failure, the retry limit) of an existing container.</summary>
    public async Task UpdateRestartPolicyAsync(string container, RestartPolicy policy, CancellationToken cancellationToken)
    {
        EngineLog.UpdateContainer(logger, container, $"{policy.Name}:{policy.MaximumRetryCount}");
        var connected = await ClientAsync(cancellationToken);
        await Call(() => connected.Containers.UpdateContainerAsync(
            container, new ContainerUpdateParameters { RestartPolicy = policy }, cancellationToken));
    }
}
