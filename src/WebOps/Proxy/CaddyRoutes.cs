using System.Text.Json.Nodes;

namespace WebOps.Proxy;

/// <summary>Reads routes back out of a Caddy config as Caddy shows it (GET /config/), to confirm a switch took.</summary>
public static class CaddyRoutes
{
    /// <summary>The upstreams of the route that matches <paramref name="host"/> on any server; empty when none does.</summary>
    public static IReadOnlyList<string> DialsOf(JsonNode? config, string host)
    {
        if (config?["apps"]?["http"]?["servers"] is not JsonObject servers)
        {
            return [];
        }

        foreach (var (_, server) in servers)
        {
            foreach (var route in (server?["routes"] as JsonArray) ?? [])
            {
                var hosts = ((route?["match"] as JsonArray) ?? []).SelectMany(m => (m?["host"] as JsonArray) ?? []);
                if (hosts.Any(h => h?.GetValueKind() == System.Text.Json.JsonValueKind.String && h.GetValue<string>() == host))
                {
                    return [.. ((route?["handle"]?[0]?["upstreams"] as JsonArray) ?? [])
                        .Select(u => u?["dial"]).Where(d => d?.GetValueKind() == System.Text.Json.JsonValueKind.String).Select(d => d!.GetValue<string>())];
                }
            }
        }

        return [];
    }
}
