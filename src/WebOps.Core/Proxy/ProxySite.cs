using WebOps.Core.Deployments;

namespace WebOps.Core.Proxy;

/// <summary>One deployment as the edge sees it: the names it answers at and the loopback port behind them.</summary>
public sealed record ProxySite(string Deployment, IReadOnlyList<string> Domains, int HostPort, TlsMode Tls)
{
    /// <summary>
    /// The site of a deployment, or null when there is nothing to route to (never deployed, so no host port)
    /// or no name to route by (no domains and no base domain).
    /// </summary>
    public static ProxySite? For(Deployment d, string? baseDomain)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (d.HostPort is not { } port)
        {
            return null;
        }

        var names = DomainNames.Of(d.Name, d.Domains, baseDomain);
        return names.Count == 0 ? null : new ProxySite(d.Name, names, port, d.Tls);
    }
}
