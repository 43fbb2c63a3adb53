using WebOps.Core.Deployments;

namespace WebOps.Deploys;

/// <summary>
/// What a deploy request got: the run that will deploy the newest commit of the branch, whether an earlier request
/// had already queued it, and the run it waits behind (executing now), if any.
/// </summary>
public sealed record DeployTicket(DeployRun Run, bool AlreadyQueued, int? Behind)
{
    /// <summary>One line for the page and the log.</summary>
    public string Message => (AlreadyQueued, Behind) switch
    {
        (true, _) => $"Deploy #{Run.Id} is already queued; it deploys the newest commit when it starts.",
        (false, { } executing) => $"Deploy #{Run.Id} queued; it starts when deploy #{executing} ends and deploys the newest commit then.",
        _ => $"Deploy #{Run.Id} queued.",
    };
}
