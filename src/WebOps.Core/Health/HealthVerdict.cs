using WebOps.Core.Deployments;

namespace WebOps.Core.Health;

/// <summary>Combines the readings of one check (hooks and probe) into the deployment's health and its cause.</summary>
public static class HealthVerdict
{
    /// <summary>
    /// Unhealthy when any reading is (the first one's message is the cause), healthy when at least one reading is
    /// healthy and none unhealthy, unknown when nothing could tell.
    /// </summary>
    public static (HealthState Health, string? Cause) Combine(IEnumerable<HealthReading> readings)
    {
        var known = readings.Where(r => r.Status != HealthState.Unknown).ToList();
        if (known.FirstOrDefault(r => r.Status == HealthState.Unhealthy) is { } bad)
        {
            return (HealthState.Unhealthy, bad.Message ?? $"the {bad.Source} check failed");
        }

        return known.Count > 0 ? (HealthState.Healthy, known[0].Message) : (HealthState.Unknown, null);
    }
}
