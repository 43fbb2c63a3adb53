using System.Text.Json.Nodes;
using WebOps.Core.Deployments;

namespace WebOps.Core.Proxy;

/// <summary>
/// Caddy's whole JSON config as a pure function of the proxy settings and the sites. The panel owns this config:
/// it is pushed whole (admin API <c>POST /load</c>), never patched, so what runs is always what this returns.
/// </summary>
public static class CaddyConfig
{
    /// <summary>
    /// Builds the config. <paramref name="storageRoot"/> is where Caddy keeps certificates and keys;
    /// <paramref name="panelUpstream"/> is the panel's own loopback address (<see cref="PanelAddress"/>), served at
    /// <see cref="ProxyOptions.PanelDomain"/> when both are set.
    /// </summary>
    public static JsonObject Build(ProxyOptions options, string storageRoot, IEnumerable<ProxySite> sites, string? panelUpstream = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ordered = sites.OrderBy(s => s.Deployment, StringComparer.Ordinal).ToList();
        var secure = ordered.Where(s => s.Tls == TlsMode.Auto).ToList();
        var plain = ordered.Where(s => s.Tls == TlsMode.Off).ToList();
        var panel = !string.IsNullOrWhiteSpace(options.PanelDomain) && !string.IsNullOrWhiteSpace(panelUpstream)
            ? Route(options.PanelDomain, panelUpstream)
            : null;
        var secureRoutes = secure.SelectMany(Routes).ToList();
        var secureNames = secure.SelectMany(s => s.Domains).ToList();
        if (panel is not null)
        {
            secureRoutes.Insert(0, panel);
            secureNames.Insert(0, options.PanelDomain!);
        }

        var servers = new JsonObject();
        // Two servers, not one on both ports: Caddy's automatic HTTPS then adds the HTTP->HTTPS redirects of the
        // secure names to the plain server, and names with TLS off stay out of certificate management.
        if (secureRoutes.Count > 0)
        {
            servers["https"] = Server(options.HttpsPort, secureRoutes);
        }

        if (plain.Count > 0)
        {
            servers["http"] = Server(options.HttpPort, [.. plain.SelectMany(Routes)]);
        }

        var apps = new JsonObject
        {
            ["http"] = new JsonObject
            {
                ["http_port"] = options.HttpPort,
                ["https_port"] = options.HttpsPort,
                ["servers"] = servers,
            },
            // Caddy would otherwise try to add its local CA to the machine's trust store.
            ["pki"] = new JsonObject
            {
                ["certificate_authorities"] = new JsonObject { ["local"] = new JsonObject { ["install_trust"] = false } },
            },
        };
        if (Policies(options.Acme, secureNames) is { Count: > 0 } policies)
        {
            apps["tls"] = new JsonObject { ["automation"] = new JsonObject { ["policies"] = policies } };
        }

        return new JsonObject
        {
            // Not persisted: the panel pushes the config again whenever Caddy starts empty.
            ["admin"] = new JsonObject { ["listen"] = options.AdminAddress, ["config"] = new JsonObject { ["persist"] = false } },
            ["storage"] = new JsonObject { ["module"] = "file_system", ["root"] = storageRoot },
            ["apps"] = apps,
        };
    }

    private static JsonObject Server(int port, List<JsonObject> routes) => new()
    {
        ["listen"] = new JsonArray($":{port}"),
        ["routes"] = new JsonArray([.. routes]),
    };

    private static IEnumerable<JsonObject> Routes(ProxySite site) => site.Domains.Select(d => Route(d, $"127.0.0.1:{site.HostPort}"));

    private static JsonObject Route(string domain, string dial) => new()
    {
        ["match"] = new JsonArray(new JsonObject { ["host"] = new JsonArray(domain) }),
        ["handle"] = new JsonArray(new JsonObject
        {
            ["handler"] = "reverse_proxy",
            ["upstreams"] = new JsonArray(new JsonObject { ["dial"] = dial }),
        }),
        ["terminal"] = true,
    };

    /// <summary>Local names from Caddy's internal CA (no public CA signs them), the rest from the ACME server.</summary>
    private static JsonArray Policies(AcmeOptions acme, List<string> names)
    {
        var local = names.Where(DomainNames.IsLocal).ToList();
        var publicNames = names.Where(n => !DomainNames.IsLocal(n)).ToList();
        var policies = new JsonArray();
        if (publicNames.Count > 0)
        {
            policies.Add(new JsonObject { ["subjects"] = Strings(publicNames), ["issuers"] = new JsonArray(AcmeIssuer(acme)) });
        }

        if (local.Count > 0)
        {
            policies.Add(new JsonObject
            {
                ["subjects"] = Strings(local),
                ["issuers"] = new JsonArray(new JsonObject { ["module"] = "internal" }),
            });
        }

        return policies;
    }

    private static JsonObject AcmeIssuer(AcmeOptions acme)
    {
        var issuer = new JsonObject { ["module"] = "acme", ["ca"] = acme.DirectoryUrl };
        if (!string.IsNullOrWhiteSpace(acme.Email))
        {
            issuer["email"] = acme.Email;
        }

        if (!string.IsNullOrWhiteSpace(acme.TrustedRootsPem))
        {
            issuer["trusted_roots_pem_files"] = new JsonArray(acme.TrustedRootsPem);
        }

        return issuer;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
