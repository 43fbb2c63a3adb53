using System.Text.Json;
using WebOps.Data.Entities;

namespace WebOps.Health;

/// <summary>One health history entry as the API shows it.</summary>
public sealed record HealthEntryDto(DateTimeOffset Time, string Status, string? Message, string Source, JsonElement Metrics)
{
    public static HealthEntryDto From(HealthRecord r) =>
        new(r.Time, r.Status.ToString().ToLowerInvariant(), r.Message, r.Source, JsonDocument.Parse(r.MetricsJson).RootElement.Clone());
}
