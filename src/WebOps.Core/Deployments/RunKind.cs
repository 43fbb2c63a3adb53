namespace WebOps.Core.Deployments;

/// <summary>What a run does: a deploy clones and builds; a rollback starts the image of an earlier release with its configuration.</summary>
public enum RunKind
{
    Deploy,
    Rollback,
}
