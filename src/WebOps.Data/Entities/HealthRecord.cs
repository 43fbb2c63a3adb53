using WebOps.Core.Deployments;

namespace WebOps.Data.Entities;

/// <summary>One health result of a deployment: from the periodic sweep, a container event, or the HTTP probe.</summary>
public class HealthRecord
{
    public long Id { get; set; }

    public int DeploymentId { get; set; }

    public DateTimeOffset Time { get; set; }

    public HealthState Status { get; set; }

    public string? Message { get; set; }

    /// <summary>The metrics gathered with the result, as a JSON object (e.g. cpu_percent, memory_bytes, duration_ms).</summary>
    public string MetricsJson { get; set; } = "{}";

    /// <summary><c>sweep</c>, <c>event</c> or <c>probe</c>.</summary>
    public required string Source { get; set; }
}
