using System.Text.Json.Serialization;

namespace WebOps.Health;

/// <summary>
/// The body of <c>/healthz</c>: <c>docker</c> is <c>ok</c>, <c>unreachable</c> or <c>not used</c>; <c>proxy</c> (the edge,
/// Caddy) is <c>ok</c>, <c>not answering</c>, <c>not installed</c> or <c>disabled</c> and does not make the panel unavailable.
/// </summary>
public sealed record HealthzReport(string Status, string Database, string Docker, string Proxy)
{
    /// <summary>The Compose CLI Compose deployments use (e.g. <c>docker-compose: 1.29.2</c>), <c>not installed</c>, or <c>checking</c> until the first look after start-up has finished; informative only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Compose { get; init; }
}
