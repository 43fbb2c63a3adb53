namespace WebOps.Core.Deployments;

/// <summary>Lifecycle of a deployment. Stored and shown in lowercase (snake_case JSON).</summary>
public enum DeploymentStatus
{
    Pending,
    Building,
    Running,
    Stopped,
    Failed,
}
