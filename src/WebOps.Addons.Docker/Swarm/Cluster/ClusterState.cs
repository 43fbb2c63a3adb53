namespace WebOps.Addons.Docker.Swarm.Cluster;

/// <summary>
/// The panel's engine as a swarm member: <paramref name="LocalState"/> is the engine's own word (<c>inactive</c>,
/// <c>pending</c>, <c>active</c>, <c>error</c>, <c>locked</c>); <paramref name="ManagerAddress"/> (host:2377) and
/// <paramref name="NodeCount"/> are known only on a manager.
/// </summary>
public sealed record ClusterState(string LocalState, bool IsManager, string? NodeId, string? ManagerAddress, int? NodeCount)
{
    public bool IsActive => LocalState == "active";
}
