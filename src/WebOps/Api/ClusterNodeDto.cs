using WebOps.Addons.Docker.Swarm.Cluster;

namespace WebOps.Api;

/// <summary>One server of the cluster (<c>GET /api/cluster/nodes</c>).</summary>
public sealed record ClusterNodeDto(
    string Id, string Hostname, string Role, bool Leader, string State, string Availability, string Address,
    IReadOnlyDictionary<string, string> Labels, string EngineVersion, int RunningTasks)
{
    public static ClusterNodeDto From(ClusterNode n) =>
        new(n.Id, n.Hostname, n.Role, n.IsLeader, n.State, n.Availability, n.Address, n.Labels, n.EngineVersion, n.RunningTasks);
}
