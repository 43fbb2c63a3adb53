namespace WebOps.Deploys;

/// <summary>A persisted deployment log line as the API and the live stream show it.</summary>
public sealed record LogLine(long Id, int? DeployRunId, DateTimeOffset Time, string Level, string Source, string Message);
