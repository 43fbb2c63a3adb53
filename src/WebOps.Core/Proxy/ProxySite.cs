using WebOps.Core.Deployments;

namespace WebOps.Core.Proxy;

/// <summary>
/// One deployment as the edge sees it: the names it answers at and where they go. A local deployment goes to its
/// loopback port (<see cref="HostPort"/>, through the pair of slots of <see cref="SlotPorts"/>); a swarm deployment to
/// its running tasks (<see cref="Tasks"/>), each the address of its node and the port the engine published it on.
/// </summary>
public sealed record ProxySite(string Deployment, IReadOnlyList<string> Domains, int HostPort, TlsMode Tls)
{
    /// <summary>
    /// <c>host:port</c> of every running task of a swarm deployment, in order; empty when none runs. Null for a local
    /// deployment, whose names go to the loopback slots instead.
    /// </summary>
    public IReadOnlyList<string>? Tasks { get; init; }

    /// <summary>
    /// The site of a deployment, or null when there is nothing to route to (never deployed, so no host port; or a swarm
    /// deployment whose tasks are not known: <paramref name="tasks"/> null) or no name to route by (no domains and no
    /// base domain). A swarm deployment's names go to <paramref name="tasks"/>, never to the loopback slots, where none
    /// of its tasks listens.
    /// </summary>
    public static ProxySite? For(Deployment d, string? baseDomain, IReadOnlyList<string>? tasks = null)
    {
        ArgumentNullException.ThrowIfNull(d);
        var swarm = d.Target == DeployTarget.Swarm;
        if (d.HostPort is not { } port || (swarm && tasks is null))
        {
            return null;
        }

        var names = DomainNames.Of(d.Name, d.Domains, baseDomain);
        return names.Count == 0 ? null : new ProxySite(d.Name, names, port, d.Tls) { Tasks = swarm ? tasks : null };
    }
}
