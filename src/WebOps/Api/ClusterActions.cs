using WebOps.Addons.Docker.Swarm.Cluster;
using WebOps.Audit;

namespace WebOps.Api;

/// <summary>
/// The cluster operations behind the Servers page, the API and the <c>cluster</c> verbs: each change is audited here,
/// once, after the engine accepted it.
/// </summary>
public sealed class ClusterActions(SwarmCluster cluster, AuditLog audit)
{
    public SwarmCluster Cluster => cluster;

    public Task<ClusterState> GetStateAsync(CancellationToken ct) => cluster.GetStateAsync(ct);

    public Task<IReadOnlyList<ClusterNode>> ListNodesAsync(CancellationToken ct) => cluster.ListNodesAsync(ct);

    public Task<string> JoinCommandAsync(JoinRole role, CancellationToken ct) => cluster.JoinCommandAsync(role, ct);

    public async Task<ClusterState> InitAsync(string? advertiseAddress, CancellationToken ct)
    {
        var state = await cluster.InitAsync(advertiseAddress, ct);
        await audit.RecordAsync(AuditActions.ClusterInit, cluster.Endpoint, state.ManagerAddress is { } a ? $"manager {a}" : null);
        return state;
    }

    public async Task RotateTokensAsync(CancellationToken ct)
    {
        await cluster.RotateTokensAsync(ct);
        await audit.RecordAsync(AuditActions.ClusterTokensRotated, cluster.Endpoint, "worker and manager join tokens");
    }

    public async Task<ClusterNode> UpdateNodeAsync(string node, NodeChange change, CancellationToken ct)
    {
        var updated = await cluster.UpdateNodeAsync(node, change, ct);
        await audit.RecordAsync(AuditActions.ClusterNodeChanged, updated.Hostname, change.Describe());
        return updated;
    }
}
