using WebOps.Core.Deployments;

namespace WebOps.Deploys;

/// <summary>
/// What a deploy or rollback request got: the run that will do it, whether an earlier identical request had already
/// queued it, the run it waits behind (executing now), if any, and the waiting run it replaced, if any.
/// </summary>
public sealed record DeployTicket(DeployRun Run, bool AlreadyQueued, int? Behind, int? Replaced = null)
{
    /// <summary>One line for the page and the log.</summary>
    public string Message => What + (AlreadyQueued, Behind) switch
    {
        (true, _) when Run.Kind == RunKind.Rollback => " is already queued.",
        (true, _) => " is already queued; it deploys the newest commit when it starts.",
        (false, { } executing) when Run.Kind == RunKind.Rollback => $" queued; it starts when run #{executing} ends.",
        (false, { } executing) => $" queued; it starts when deploy #{executing} ends and deploys the newest commit then.",
        _ => " queued.",
    } + (Replaced is { } replaced ? $" It replaces run #{replaced}, which had not started." : "");

    private string What => Run.Kind == RunKind.Rollback
        ? $"Rollback #{Run.Id} to release #{Run.RollbackOf}"
        : $"Deploy #{Run.Id}";
}
