namespace WebOps.Core.Deployments;

/// <summary>What a user can ask of a deployment, through a button or the API. Named in lowercase on pages and in messages.</summary>
public enum DeploymentAction
{
    Deploy,
    Start,
    Stop,
    Restart,
    Delete,
}
