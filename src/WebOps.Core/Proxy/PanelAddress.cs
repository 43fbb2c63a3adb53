using System.Globalization;
using System.Net;

namespace WebOps.Core.Proxy;

/// <summary>
/// Where the edge reaches the panel itself: a loopback HTTP address the panel listens on, from the addresses the
/// server reports (<c>--urls</c> after binding). Never a public address, so the panel trusts forwarded headers only
/// from the edge on this machine.
/// </summary>
public static class PanelAddress
{
    private static readonly string[] AnyHost = ["0.0.0.0", "[::]", "+", "*", "localhost"];

    /// <summary>The first address that loopback reaches over plain HTTP, as Caddy dials it (<c>host:port</c>); null when none does.</summary>
    public static string? Loopback(IEnumerable<string> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        foreach (var url in urls)
        {
            if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var authority = url["http://".Length..].TrimEnd('/');
            var colon = authority.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                continue;
            }

            var host = authority[..colon];
            if (AnyHost.Contains(host, StringComparer.OrdinalIgnoreCase))
            {
                return string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}");
            }

            if (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{host}:{port}");
            }
        }

        return null;
    }
}
