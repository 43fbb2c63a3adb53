using System.Globalization;
using System.Text.Json.Nodes;

namespace WebOps.Proxy;

/// <summary>Reads routes back out of a Caddy config as Caddy shows it (GET /config/), to confirm a switch took.</summary>
public static class CaddyRoutes
{
    /// <summary>The upstream address a route for <paramref name="port"/> dials, as <see cref="WebOps.Core.Proxy.CaddyConfig"/> writes it.</summary>
    public static string Dial(int port) => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}");

    /// <summary>The first upstream of the route that matches <paramref name="host"/> on any server; null when none does.</summary>
    public static string? DialOf(JsonNode? config, string host)
    {
        if (config?["apps"]?["http"]?["servers"] is not JsonObject servers)
        {
            return null;
        }

        foreach (var (_, server) in servers)
        {
            foreach (var route in (server?["routes"] as JsonArray) ?? [])
            {
                var hosts = ((route?["match"] as JsonArray) ?? []).SelectMany(m => (m?["host"] as JsonArray) ?? []);
                if (hosts.Any(h => h?.GetValueKind() == System.Text.Json.JsonValueKind.String && h.GetValue<string>() == host))
                {
                    return route?["handle"]?[0]?["upstreams"]?[0]?["dial"]?.GetValue<string>();
                }
            }
        }

        return null;
    }
}
