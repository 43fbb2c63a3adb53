namespace WebOps.Addons.Docker.Swarm.Cluster;

/// <summary>One server of the cluster as the manager sees it; <paramref name="RunningTasks"/> counts tasks running there now.</summary>
public sealed record ClusterNode(
    string Id,
    string Hostname,
    string Role,
    bool IsLeader,
    string State,
    string Availability,
    string Address,
    IReadOnlyDictionary<string, string> Labels,
    string EngineVersion,
    int RunningTasks);
