namespace WebOps.Cli.Client;

/// <summary>One event of a deployment's live stream: a saved log line, or its status after a change.</summary>
public sealed record StreamEvent(LogEntry? Log, DeploymentInfo? Status);
