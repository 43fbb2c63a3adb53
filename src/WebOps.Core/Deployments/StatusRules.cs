namespace WebOps.Core.Deployments;

/// <summary>The allowed status transitions, in one place.</summary>
public static class StatusRules
{
    private static readonly Dictionary<DeploymentStatus, DeploymentStatus[]> Allowed = new()
    {
        [DeploymentStatus.Pending] = [DeploymentStatus.Building, DeploymentStatus.Failed, DeploymentStatus.Stopped],
        [DeploymentStatus.Building] = [DeploymentStatus.Running, DeploymentStatus.Failed, DeploymentStatus.Stopped],
        [DeploymentStatus.Running] = [DeploymentStatus.Building, DeploymentStatus.Stopped, DeploymentStatus.Failed],
        [DeploymentStatus.Stopped] = [DeploymentStatus.Building, DeploymentStatus.Running, DeploymentStatus.Failed],
        [DeploymentStatus.Failed] = [DeploymentStatus.Building, DeploymentStatus.Running, DeploymentStatus.Stopped],
    };

    public static bool CanMove(DeploymentStatus from, DeploymentStatus to) => Allowed[from].Contains(to);
}
