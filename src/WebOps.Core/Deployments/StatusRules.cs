namespace WebOps.Core.Deployments;

/// <summary>
/// The status rules in one table: which status changes the entity accepts, and in which statuses each user action is
/// offered and where it leads. The API refuses, the page disables its buttons and the page script follows live
/// changes all from this table (the page renders the lists into <c>data-enabled-when</c> for the script).
/// </summary>
public static class StatusRules
{
    /// <summary>
    /// Every change something in the panel makes: the deploy flow (any settled status to building, then running or
    /// failed), recovery at startup (a cut-short pending or building deploy to failed) and the actions below.
    /// An app that dies keeps its status and shows in its health instead.
    /// </summary>
    private static readonly Dictionary<DeploymentStatus, DeploymentStatus[]> Transitions = new()
    {
        [DeploymentStatus.Pending] = [DeploymentStatus.Building, DeploymentStatus.Failed],
        [DeploymentStatus.Building] = [DeploymentStatus.Running, DeploymentStatus.Failed],
        [DeploymentStatus.Running] = [DeploymentStatus.Building, DeploymentStatus.Stopped],
        [DeploymentStatus.Stopped] = [DeploymentStatus.Building, DeploymentStatus.Running],
        [DeploymentStatus.Failed] = [DeploymentStatus.Building, DeploymentStatus.Running, DeploymentStatus.Stopped],
    };

    /// <summary>
    /// Building refuses everything but deploy: the deploy run owns the deployment until it ends, and a deploy asked
    /// for then queues one run after it (which deploys the newest commit). A failed deployment may still have the
    /// previous release running (a redeploy that failed leaves it up), so it can be stopped or restarted.
    /// </summary>
    private static readonly Dictionary<DeploymentAction, ActionRule> Actions = new ActionRule[]
    {
        // Deploy queues a run; the status becomes building when the run starts.
        new(DeploymentAction.Deploy, [DeploymentStatus.Pending, DeploymentStatus.Building, DeploymentStatus.Running, DeploymentStatus.Stopped, DeploymentStatus.Failed], DeploymentStatus.Building),
        new(DeploymentAction.Start, [DeploymentStatus.Stopped, DeploymentStatus.Failed], DeploymentStatus.Running),
        new(DeploymentAction.Stop, [DeploymentStatus.Running, DeploymentStatus.Failed], DeploymentStatus.Stopped),
        new(DeploymentAction.Restart, [DeploymentStatus.Running, DeploymentStatus.Stopped, DeploymentStatus.Failed], DeploymentStatus.Running),
        new(DeploymentAction.Delete, [DeploymentStatus.Pending, DeploymentStatus.Running, DeploymentStatus.Stopped, DeploymentStatus.Failed], null),
    }.ToDictionary(r => r.Action);

    /// <summary>True when a deployment may change from <paramref name="from"/> to <paramref name="to"/>; staying put always may.</summary>
    public static bool CanMove(DeploymentStatus from, DeploymentStatus to) => from == to || Transitions[from].Contains(to);

    public static ActionRule For(DeploymentAction action) => Actions[action];

    public static bool Allows(DeploymentAction action, DeploymentStatus status) => Actions[action].AllowedIn.Contains(status);
}
