namespace WebOps.Addons.Docker.Engine;

/// <summary>
/// A container event from the engine, e.g. <c>die</c>, <c>oom</c>, <c>start</c>, <c>health_status: unhealthy</c>.
/// Deployment is the <c>webops.deployment</c> label of the container.
/// </summary>
public sealed record ContainerEvent(
    string Action,
    string ContainerId,
    string? ContainerName,
    string? Deployment,
    DateTimeOffset Time,
    IReadOnlyDictionary<string, string> Attributes);
