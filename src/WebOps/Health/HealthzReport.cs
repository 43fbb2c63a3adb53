using System.Text.Json.Serialization;

namespace WebOps.Health;

/// <summary>
/// The body of <c>/healthz</c>: <c>status</c> is <c>ok</c>, <c>starting</c> (200: the panel serves while start-up
/// recovery runs, just after it listens) or <c>unavailable</c> (503); <c>docker</c> is <c>ok</c>, <c>unreachable</c>,
/// <c>not used</c> or <c>checking</c> (not looked at yet); <c>proxy</c> (the edge, Caddy) is <c>ok</c>, <c>not answering</c>,
/// <c>not installed</c>, <c>disabled</c> or <c>checking</c> and does not make the panel unavailable.
/// </summary>
public sealed record HealthzReport(string Status, string Database, string Docker, string Proxy)
{
    /// <summary>The Compose CLI Compose deployments use (e.g. <c>docker-compose: 1.29.2</c>), <c>not installed</c>, or <c>checking</c> until the first look, started by the first <c>/healthz</c>, has finished; informative only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Compose { get; init; }
}
