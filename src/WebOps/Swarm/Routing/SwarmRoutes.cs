namespace WebOps.Swarm.Routing;

/// <summary>
/// The running tasks of every swarm deployment as the routing watcher (<see cref="SwarmRouteWatcher"/>) last listed
/// them, for the edge config. Unknown (null) until the first listing; kept as it was while the manager does not answer.
/// </summary>
public sealed class SwarmRoutes(TimeProvider clock)
{
    /// <summary>
    /// How long the edge holds its pushes for the first listing: a panel that just started must not push a config
    /// without the swarm routes Caddy still serves. Bounded, so a manager that hangs cannot hold every other route.
    /// </summary>
    public static readonly TimeSpan FirstListingLimit = TimeSpan.FromSeconds(20);

    private readonly DateTimeOffset created = clock.GetUtcNow();
    private volatile IReadOnlyDictionary<string, IReadOnlyList<string>>? current;
    private volatile bool waiting;

    /// <summary>Per deployment, <c>host:port</c> of its running tasks; null before the first listing.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Current => current;

    /// <summary>True while the edge should wait for the first listing before pushing a config.</summary>
    public bool Pending => waiting && clock.GetUtcNow() - created < FirstListingLimit;

    /// <summary>The tasks of <paramref name="deployment"/>: none when listed without a service, null while unknown.</summary>
    public IReadOnlyList<string>? TasksOf(string deployment) => current is { } known ? known.GetValueOrDefault(deployment) ?? [] : null;

    /// <summary>Called by the watcher when it starts: Swarm and the edge are on, so the first listing is worth waiting for.</summary>
    public void AwaitFirstListing() => waiting = true;

    /// <summary>The first listing was tried (it may have failed): the edge stops waiting for it.</summary>
    public void FirstListingTried() => waiting = false;

    public void Set(IReadOnlyDictionary<string, IReadOnlyList<string>> listed) => current = listed;
}
