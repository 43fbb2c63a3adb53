using WebOps.Core.Deployments;

namespace WebOps.Pages.Shared;

/// <summary>
/// Which buttons make sense in which status. The detail page script reads the same lists from
/// <c>data-enabled-when</c>, so the browser and the server agree.
/// </summary>
public static class ActionRules
{
    public static readonly IReadOnlyList<DeploymentStatus> Deploy = [DeploymentStatus.Running, DeploymentStatus.Stopped, DeploymentStatus.Failed];

    public static readonly IReadOnlyList<DeploymentStatus> Start = [DeploymentStatus.Stopped, DeploymentStatus.Failed];

    public static readonly IReadOnlyList<DeploymentStatus> Stop = [DeploymentStatus.Running];

    public static readonly IReadOnlyList<DeploymentStatus> Restart = [DeploymentStatus.Running, DeploymentStatus.Stopped, DeploymentStatus.Failed];

    /// <summary>The space-separated list for <c>data-enabled-when</c>.</summary>
    public static string When(IReadOnlyList<DeploymentStatus> allowed) => string.Join(' ', allowed.Select(Badges.Text));
}
