using WebOps.Core.Deployments;

namespace WebOps.Core.Health;

/// <summary>One health result, as it is recorded in the history: healthy or unhealthy, why, and the metrics gathered.</summary>
public sealed record HealthReading(
    HealthState Status,
    string? Message,
    string Source,
    IReadOnlyDictionary<string, object?> Metrics)
{
    public static HealthReading Unhealthy(string message, string source) =>
        new(HealthState.Unhealthy, message, source, new Dictionary<string, object?>());
}
