namespace WebOps.Core.Deployments;

/// <summary>One line of a deployment's append-only log.</summary>
public class DeploymentLogEntry
{
    public long Id { get; set; }

    public int DeploymentId { get; set; }

    /// <summary>The deploy run this line belongs to, if any.</summary>
    public int? DeployRunId { get; set; }

    public DateTimeOffset Time { get; set; }

    public DeploymentLogLevel Level { get; set; }

    /// <summary>Who wrote it: <c>webops</c>, <c>git</c>, <c>addon:docker</c>, ...</summary>
    public required string Source { get; set; }

    public required string Message { get; set; }
}
