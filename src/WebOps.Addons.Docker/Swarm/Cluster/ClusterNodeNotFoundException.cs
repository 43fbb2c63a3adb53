namespace WebOps.Addons.Docker.Swarm.Cluster;

/// <summary>No node with the given id or hostname is in the cluster.</summary>
public sealed class ClusterNodeNotFoundException(string node)
    : Exception($"No node '{node}' in the cluster. List the nodes with GET /api/cluster/nodes or on the Servers page.");
