namespace WebOps.Addons.Docker.Swarm.Cluster;

/// <summary>Which token a join command carries: a worker runs tasks; a manager also keeps the cluster state.</summary>
public enum JoinRole
{
    Worker,
    Manager,
}
