namespace WebOps.Health;

/// <summary>The body of <c>/healthz</c>: <c>docker</c> is <c>ok</c>, <c>unreachable</c> or <c>not used</c>.</summary>
public sealed record HealthzReport(string Status, string Database, string Docker);
