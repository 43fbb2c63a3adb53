using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace WebOps.Proxy;

/// <summary>Caddy's admin API: read the running config, load a whole new one. Every call has a short time limit.</summary>
public sealed class CaddyAdminClient(HttpClient http)
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    /// <summary>The config Caddy runs now (null when it runs none).</summary>
    /// <exception cref="HttpRequestException">Nothing answers at the admin address, or it answered with an error.</exception>
    public async Task<JsonNode?> GetConfigAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync("config/", ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Caddy's admin API at {http.BaseAddress} answered GET /config/ with {(int)response.StatusCode}: {body.Trim()}");
        }

        return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
    }

    /// <summary>Caddy's upstreams with the requests in flight to each: <c>[{"address":"127.0.0.1:P","num_requests":N,"fails":M}]</c>.</summary>
    /// <exception cref="HttpRequestException">Nothing answers at the admin address, or it answered with an error.</exception>
    public async Task<JsonNode?> GetUpstreamsAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync("reverse_proxy/upstreams", ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Caddy's admin API at {http.BaseAddress} answered GET /reverse_proxy/upstreams with {(int)response.StatusCode}: {body.Trim()}");
        }

        return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
    }

    /// <summary>Replaces Caddy's whole config; Caddy applies it without dropping open connections.</summary>
    /// <exception cref="HttpRequestException">
    /// Caddy refused the config (its message is kept, and <see cref="HttpRequestException.StatusCode"/> is its answer's),
    /// or the call failed before an answer (no status code).
    /// </exception>
    public async Task LoadAsync(JsonObject config, CancellationToken ct)
    {
        using var content = new StringContent(config.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("load", content, ct);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException($"Caddy's admin API at {http.BaseAddress} refused the config ({(int)response.StatusCode}): {body.Trim()}", null, response.StatusCode);
        }
    }
}
