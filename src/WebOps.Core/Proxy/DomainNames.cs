namespace WebOps.Core.Proxy;

/// <summary>Facts about host names the edge serves, decided once for the config, the URLs and the pages.</summary>
public static class DomainNames
{
    /// <summary>Suffixes no public CA will sign (RFC 6761, RFC 6762, ICANN's .internal): Caddy's own CA signs them.</summary>
    private static readonly string[] LocalSuffixes = [".localhost", ".test", ".internal", ".local"];

    public static bool IsLocal(string domain) =>
        LocalSuffixes.Any(s => domain.EndsWith(s, StringComparison.Ordinal))
        || LocalSuffixes.Any(s => domain == s[1..]);

    /// <summary>The names a deployment answers at: its own domains, then <c>{name}.{baseDomain}</c> when a base domain is set.</summary>
    public static IReadOnlyList<string> Of(string name, IEnumerable<string> domains, string? baseDomain)
    {
        var names = domains.ToList();
        if (!string.IsNullOrWhiteSpace(baseDomain))
        {
            var own = $"{name}.{baseDomain.Trim().TrimEnd('.').ToLowerInvariant()}";
            if (!names.Contains(own, StringComparer.Ordinal))
            {
                names.Add(own);
            }
        }

        return names;
    }

    /// <summary>The public address of one name: https unless TLS is off, with the port only when it is not the scheme's default.</summary>
    public static string Url(string domain, bool tls, int httpPort, int httpsPort) => tls
        ? httpsPort == 443 ? $"https://{domain}/" : $"https://{domain}:{httpsPort}/"
        : httpPort == 80 ? $"http://{domain}/" : $"http://{domain}:{httpPort}/";
}
