using System.Text.Json.Nodes;
using WebOps.Core.Deployments;

namespace WebOps.Core.Proxy;

/// <summary>
/// Caddy's whole JSON config as a pure function of the proxy settings and the sites. The panel owns this config:
/// it is pushed whole (admin API <c>POST /load</c>), never patched, so what runs is always what this returns.
/// </summary>
public static class CaddyConfig
{
    /// <summary>Builds the config. <paramref name="storageRoot"/> is where Caddy keeps certificates and keys.</summary>
    public static JsonObject Build(ProxyOptions options, string storageRoot, IEnumerable<ProxySite> sites)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ordered = sites.OrderBy(s => s.Deployment, StringComparer.Ordinal).ToList();
        var secure = ordered.Where(s => s.Tls == TlsMode.Auto).ToList();
        var plain = ordered.Where(s => s.Tls == TlsMode.Off).ToList();

        var servers = new JsonObject();
        // Two servers, not one on both ports: Caddy's automatic HTTPS then adds the HTTP->HTTPS redirects of the
        // secure names to the plain server, and names with TLS off stay out of certificate management.
        if (secure.Count > 0)
        {
            servers["https"] = Server(options.HttpsPort, secure);
        }

        if (plain.Count > 0)
        {
            servers["http"] = Server(options.HttpPort, plain);
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
        if (Policies(options.Acme, secure) is { Count: > 0 } policies)
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

    private static JsonObject Server(int port, List<ProxySite> sites) => new()
    {
        ["listen"] = new JsonArray($":{port}"),
        ["routes"] = new JsonArray([.. sites.SelectMany(s => s.Domains.Select(d => Route(d, s.HostPort)))]),
    };

    private static JsonObject Route(string domain, int hostPort) => new()
    {
        ["match"] = new JsonArray(new JsonObject { ["host"] = new JsonArray(domain) }),
        ["handle"] = new JsonArray(new JsonObject
        {
            ["handler"] = "reverse_proxy",
            ["upstreams"] = new JsonArray(new JsonObject { ["dial"] = $"127.0.0.1:{hostPort}" }),
        }),
        ["terminal"] = true,
    };

    /// <summary>Local names from Caddy's internal CA (no public CA signs them), the rest from the ACME server.</summary>
    private static JsonArray Policies(AcmeOptions acme, List<ProxySite> secure)
    {
        var names = secure.SelectMany(s => s.Domains).ToList();
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
