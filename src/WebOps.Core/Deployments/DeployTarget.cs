namespace WebOps.Core.Deployments;

/// <summary>Where a deployment runs: this server's engine (today's behaviour) or a Docker Swarm cluster.</summary>
public enum DeployTarget
{
    Local,
    Swarm,
}
