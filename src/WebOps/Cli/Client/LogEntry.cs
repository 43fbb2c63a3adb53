namespace WebOps.Cli.Client;

/// <summary>A deployment log line as <c>GET .../logs</c> and the event stream's <c>log</c> events carry it.</summary>
public sealed record LogEntry(long Id, int? DeployRunId, DateTimeOffset Time, string Level, string Source, string Message);
