namespace WebOps.Core.Health;

/// <summary>What the health monitor does about one container event.</summary>
public sealed record ContainerEventReaction(ContainerEventAction Action, string? Cause = null)
{
    public static readonly ContainerEventReaction Ignore = new(ContainerEventAction.Ignore);

    public static readonly ContainerEventReaction Recheck = new(ContainerEventAction.Recheck);
}
