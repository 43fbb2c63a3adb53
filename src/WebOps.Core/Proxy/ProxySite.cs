using WebOps.Core.Deployments;

namespace WebOps.Core.Proxy;

/// <summary>One deployment as the edge sees it: the names it answers at and the loopback port behind them.</summary>
public sealed record ProxySite(string Deployment, IReadOnlyList<string> Domains, int HostPort, TlsMode Tls)
{
    /// <summary>
    /// The site of a deployment, or null when there is nothing to route to (never deployed, so no host port)
    /// or no name to route by (no domains and no base domain), or a swarm deployment: its tasks publish their ports on
    /// the cluster's nodes, not on the loopback slot ports a route here sends to, so its base-domain name is left out
    /// rather than routed to nothing (explicit domains are refused for it when it is saved).
    /// </summary>
    public static ProxySite? For(Deployment d, string? baseDomain)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (d.HostPort is not { } port || d.Target == DeployTarget.Swarm)
        {
            return null;
        }

        var names = DomainNames.Of(d.Name, d.Domains, baseDomain);
        return names.Count == 0 ? null : new ProxySite(d.Name, names, port, d.Tls);
    }
}
