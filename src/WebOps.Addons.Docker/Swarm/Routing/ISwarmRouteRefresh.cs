namespace WebOps.Addons.Docker.Swarm.Routing;

/// <summary>
/// Brings the edge's routes of a swarm deployment up to its running tasks now, rather than at the next round of the
/// panel's routing watcher: a deploy calls it once its rollout converged, so the new tasks are routed before it reports
/// success. Absent (no edge in the host) means nothing is routed.
/// </summary>
public interface ISwarmRouteRefresh
{
    /// <summary>A line for the deploy log saying where the edge sends the deployment's names, or null when it routes none.</summary>
    Task<string?> RefreshAsync(string deployment, CancellationToken ct);
}
