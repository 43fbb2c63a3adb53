using System.Globalization;
using System.Text.Json.Nodes;
using WebOps.Core.Deployments;

namespace WebOps.Core.Proxy;

/// <summary>
/// Caddy's whole JSON config as a pure function of the proxy settings and the sites. The panel owns this config:
/// it is pushed whole (admin API <c>POST /load</c>), never patched, so what runs is always what this returns.
/// </summary>
public static class CaddyConfig
{
    /// <summary>How often Caddy checks each upstream slot's health file.</summary>
    public static readonly TimeSpan HealthInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The name of the log the slot server's access log and Caddy's active health checker write to.</summary>
    public const string SlotLog = "slots";

    /// <summary>Caddy's loggers whose lines go to <see cref="SlotLogFile"/> instead of Caddy's own log.</summary>
    private static readonly string[] SlotLoggers = ["http.log.access." + SlotLog, "http.handlers.reverse_proxy.health_checker.active"];

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
        // Only local sites use the slot health files; swarm sites go to their tasks (CaddyTaskRoutes).
        var slotted = ordered.Any(s => s.Tasks is null);
        var healthPort = slotted ? options.HealthPort() : 0;
        var secureRoutes = secure.SelectMany(s => Routes(s, healthPort)).ToList();
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
            servers["http"] = Server(options.HttpPort, [.. plain.SelectMany(s => Routes(s, healthPort))]);
        }

        if (slotted)
        {
            servers["slots"] = SlotServer(healthPort, storageRoot);
        }

        var apps = new JsonObject
        {
            ["http"] = Http(options, servers),
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

        var config = new JsonObject
        {
            // Not persisted: the panel pushes the config again whenever Caddy starts empty.
            ["admin"] = new JsonObject { ["listen"] = options.AdminAddress, ["config"] = new JsonObject { ["persist"] = false } },
            ["storage"] = new JsonObject { ["module"] = "file_system", ["root"] = storageRoot },
        };
        if (slotted)
        {
            config["logging"] = Logging(storageRoot);
        }

        config["apps"] = apps;
        return config;
    }

    private static JsonObject Http(ProxyOptions options, JsonObject servers) => new()
    {
        ["http_port"] = options.HttpPort,
        ["https_port"] = options.HttpsPort,
        ["servers"] = servers,
    };

    /// <summary>Where Caddy logs the health checks of the slots (<see cref="SlotCheck"/>): <c>STORAGE/slots.log</c>.</summary>
    public static string SlotLogFile(string storageRoot) => Path.Join(storageRoot, "slots.log");

    /// <summary>
    /// The slot server's access log (every health check, five a second per slot and route) and the health checker's
    /// own lines (one per failed check) go to a file of their own, rolled at 1 MB with one old file kept, so they
    /// neither fill the disk nor bury Caddy's log; a switch reads that file to see when Caddy has seen it.
    /// </summary>
    private static JsonObject Logging(string storageRoot) => new()
    {
        ["logs"] = new JsonObject
        {
            ["default"] = new JsonObject { ["exclude"] = Strings(SlotLoggers) },
            [SlotLog] = new JsonObject
            {
                ["writer"] = new JsonObject
                {
                    ["output"] = "file",
                    ["filename"] = SlotLogFile(storageRoot),
                    ["roll_size_mb"] = 1,
                    ["roll_keep"] = 1,
                    ["roll_gzip"] = false,
                },
                ["encoder"] = new JsonObject { ["format"] = "json" },
                ["include"] = Strings(SlotLoggers),
            },
        },
    };

    private static JsonObject Server(int port, List<JsonObject> routes) => new()
    {
        ["listen"] = new JsonArray($":{port}"),
        ["routes"] = new JsonArray([.. routes]),
    };

    /// <summary>
    /// A deployment's names go to both slots of its pair (<see cref="SlotPorts"/>); Caddy's active health checks pick
    /// the slot(s) whose health file exists, so a switch changes files, never this config (a config load closes every
    /// idle client connection). <c>first</c>, not <c>round_robin</c>: Caddy 2.6's round robin advances one counter
    /// shared by all requests, so under concurrency a request can step over the only healthy slot and get a 503
    /// that is not retried for a POST. The retries (<c>try_duration</c>) cover a slot that refuses the connection.
    /// </summary>
    private static IEnumerable<JsonObject> Routes(ProxySite site, int healthPort)
    {
        if (site.Tasks is not null)
        {
            return CaddyTaskRoutes.For(site);
        }

        var pairBase = SlotPorts.PairBase(site.HostPort);
        return site.Domains.Select(domain => Route(domain, new JsonObject
        {
            ["handler"] = "reverse_proxy",
            ["upstreams"] = new JsonArray(
                new JsonObject { ["dial"] = SlotPorts.Dial(pairBase) },
                new JsonObject { ["dial"] = SlotPorts.Dial(pairBase + 1) }),
            ["load_balancing"] = new JsonObject
            {
                ["selection_policy"] = new JsonObject { ["policy"] = "first" },
                ["try_duration"] = "2s",
                ["try_interval"] = "100ms",
            },
            ["health_checks"] = new JsonObject
            {
                ["active"] = new JsonObject
                {
                    ["uri"] = SlotPorts.HealthUri(site.Deployment, site.HostPort, domain),
                    ["port"] = healthPort,
                    ["interval"] = string.Create(CultureInfo.InvariantCulture, $"{HealthInterval.TotalMilliseconds:0}ms"),
                    ["timeout"] = "2s",
                },
            },
        }));
    }

    private static JsonObject Route(string domain, string dial) => Route(domain, new JsonObject
    {
        ["handler"] = "reverse_proxy",
        ["upstreams"] = new JsonArray(new JsonObject { ["dial"] = dial }),
    });

    internal static JsonObject Route(string domain, JsonObject handler, IReadOnlyList<string>? methods = null)
    {
        var match = new JsonObject { ["host"] = new JsonArray(domain) };
        if (methods is not null)
        {
            match["method"] = new JsonArray([.. methods.Select(m => (JsonNode)m)]);
        }

        return new()
        {
            ["match"] = new JsonArray(match),
            ["handle"] = new JsonArray(handler),
            ["terminal"] = true,
        };
    }

    /// <summary>
    /// The file server Caddy's health checks ask: a check of slot <c>a</c> arrives for host <c>127.0.0.1</c>, one of
    /// slot <c>b</c> for <c>::ffff:127.0.0.1</c>, and each is answered from its own folder; a missing file is a 404,
    /// so the slot is down. Loopback only, and out of automatic HTTPS (it would want certificates for the addresses).
    /// Every check is logged (<see cref="Logging"/>): that is how a switch knows Caddy has seen a file change.
    /// </summary>
    private static JsonObject SlotServer(int port, string storageRoot) => new()
    {
        ["listen"] = new JsonArray(string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}")),
        ["routes"] = new JsonArray(
            SlotRoute("127.0.0.1", SlotFolder(storageRoot, SlotPorts.SlotA)),
            SlotRoute(SlotPorts.MappedLoopback, SlotFolder(storageRoot, SlotPorts.SlotB))),
        ["automatic_https"] = new JsonObject { ["disable"] = true },
        ["logs"] = new JsonObject { ["default_logger_name"] = SlotLog },
    };

    /// <summary>Where the health files of one slot live: <c>STORAGE/slots/a</c> or <c>STORAGE/slots/b</c>.</summary>
    public static string SlotFolder(string storageRoot, string slot) => Path.Join(storageRoot, "slots", slot);

    private static JsonObject SlotRoute(string host, string root) => new()
    {
        ["match"] = new JsonArray(new JsonObject { ["host"] = new JsonArray(host) }),
        ["handle"] = new JsonArray(new JsonObject { ["handler"] = "file_server", ["root"] = root }),
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
