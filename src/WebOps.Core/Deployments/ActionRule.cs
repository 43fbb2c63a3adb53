namespace WebOps.Core.Deployments;

/// <summary>
/// One row of the action table: the statuses in which <paramref name="Action"/> is offered, and the status it leads
/// to; <paramref name="LeadsTo"/> is null for delete, which removes the deployment instead.
/// </summary>
public sealed record ActionRule(DeploymentAction Action, IReadOnlyList<DeploymentStatus> AllowedIn, DeploymentStatus? LeadsTo);
