namespace WebOps.Addons.Process;

/// <summary>
/// Which release of a deployment a process belongs to during a redeploy beside the running one: each has its own pid
/// and output files, so a panel started after a crash can tell them apart.
/// </summary>
public enum ReleaseSlot
{
    /// <summary>The release that serves (and the only one outside a redeploy).</summary>
    Current,

    /// <summary>A new release started beside the current one, not yet switched to.</summary>
    Next,

    /// <summary>The release switched away from, draining until it is stopped.</summary>
    Previous,
}
