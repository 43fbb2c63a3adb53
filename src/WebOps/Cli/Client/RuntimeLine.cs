namespace WebOps.Cli.Client;

/// <summary>A line of the app's own output as <c>GET .../runtime-logs</c> answers.</summary>
public sealed record RuntimeLine(DateTimeOffset? Time, string Stream, string Text);
