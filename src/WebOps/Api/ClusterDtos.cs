namespace WebOps.Api;

/// <summary>The panel's engine as a swarm member (<c>GET /api/cluster</c>).</summary>
public sealed record ClusterStateDto(string Endpoint, string State, bool IsManager, string? NodeId, string? ManagerAddress, int? NodeCount)
{
    public static ClusterStateDto From(string endpoint, Addons.Docker.Swarm.Cluster.ClusterState s) =>
        new(endpoint, s.LocalState, s.IsManager, s.NodeId, s.ManagerAddress, s.NodeCount);
}
