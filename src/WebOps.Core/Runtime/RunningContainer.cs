namespace WebOps.Core.Runtime;

/// <summary>
/// A container started by the Docker addon: the image it runs (per-deploy tag) and its id. On a Swarm cluster it is
/// a service instead (<see cref="ServiceName"/> set, <see cref="ContainerId"/> the service's id), whose tasks run
/// on the nodes.
/// </summary>
public sealed record RunningContainer(string Image, string ContainerId) : RunningApp
{
    /// <summary>The Swarm service's name; null for a container on this server.</summary>
    public string? ServiceName { get; init; }

    /// <summary>How many tasks the service asks for; 0 for a container.</summary>
    public int Replicas { get; init; }

    public override string Describe() => ServiceName is null
        ? $"container {ContainerId[..Math.Min(12, ContainerId.Length)]} running {Image}"
        : $"Swarm service {ServiceName} running {Replicas} task(s) of {Image}";

    // A Swarm service's tasks answer on their nodes, through the edge; the deployment page lists them.
    public override string Where() => ServiceName is not null && Url is null ? " on the cluster" : base.Where();
}
