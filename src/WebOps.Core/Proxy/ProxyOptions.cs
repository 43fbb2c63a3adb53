namespace WebOps.Core.Proxy;

/// <summary>The edge proxy (Caddy) the panel drives (configuration section <c>Proxy</c>).</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    public bool Enabled { get; set; } = true;

    public int HttpPort { get; set; } = 80;

    public int HttpsPort { get; set; } = 443;

    /// <summary>Where Caddy's admin API listens; the panel pushes the whole config there.</summary>
    public string AdminAddress { get; set; } = "127.0.0.1:2019";

    /// <summary>
    /// The loopback port of the small file server inside Caddy's config that answers its health checks of the
    /// deployments' upstream slots (<see cref="SlotPorts"/>); unset means the admin port plus one.
    /// </summary>
    public int? SlotHealthPort { get; set; }

    /// <summary>The caddy executable: a name looked up on PATH, or a path.</summary>
    public string CaddyPath { get; set; } = "caddy";

    /// <summary>When set, every deployment also answers at <c>{name}.{BaseDomain}</c>.</summary>
    public string? BaseDomain { get; set; }

    /// <summary>
    /// When set, the panel itself is served at this name behind the edge, with TLS (a public certificate, or Caddy's
    /// own CA for a local name); no deployment may use it.
    /// </summary>
    public string? PanelDomain { get; set; }

    public AcmeOptions Acme { get; set; } = new();

    /// <summary><see cref="SlotHealthPort"/>, or the admin port plus one.</summary>
    public int HealthPort()
    {
        if (SlotHealthPort is { } port)
        {
            return port;
        }

        var colon = AdminAddress.LastIndexOf(':');
        return colon >= 0 && int.TryParse(AdminAddress[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var admin)
            ? admin + 1
            : throw new InvalidOperationException($"Proxy:AdminAddress '{AdminAddress}' has no port to derive the slot health port from. Set Proxy:SlotHealthPort.");
    }
}
