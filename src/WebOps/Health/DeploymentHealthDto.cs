namespace WebOps.Health;

/// <summary>A deployment's current health and its latest history entries, newest first.</summary>
public sealed record DeploymentHealthDto(string Name, string Status, string Health, IReadOnlyList<HealthEntryDto> History);
