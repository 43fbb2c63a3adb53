namespace WebOps.Core.Runtime;

/// <summary>
/// Something that happened to a running app instance, as its runtime reports it: e.g. a container's <c>die</c>,
/// <c>oom</c>, <c>start</c> or <c>health_status: unhealthy</c>. <see cref="Deployment"/> names the deployment the
/// instance belongs to (null for an instance WebOps did not label).
/// </summary>
public sealed record RuntimeEvent(
    string Action,
    string InstanceId,
    string? InstanceName,
    string? Deployment,
    DateTimeOffset Time,
    IReadOnlyDictionary<string, string> Attributes);
