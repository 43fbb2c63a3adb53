using WebOps.Core.Deployments;

namespace WebOps.Core.Proxy;

/// <summary>Where a deployment answers through the edge: one URL per name, none when the edge is off.</summary>
public static class PublicUrls
{
    public static IReadOnlyList<string> Of(Deployment d, ProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(options);
        return options.Enabled
            ? [.. DomainNames.Of(d.Name, d.Domains, options.BaseDomain).Select(n => DomainNames.Url(n, d.Tls == TlsMode.Auto, options.HttpPort, options.HttpsPort))]
            : [];
    }
}
