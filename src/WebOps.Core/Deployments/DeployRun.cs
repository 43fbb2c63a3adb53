namespace WebOps.Core.Deployments;

/// <summary>One execution of the deploy flow for a deployment.</summary>
public class DeployRun
{
    public int Id { get; set; }

    public int DeploymentId { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? CommitSha { get; set; }

    /// <summary><c>queued</c>, <c>running</c>, <c>succeeded</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public string Result { get; set; } = "queued";

    /// <summary>A one-line summary of why the run failed, if it did.</summary>
    public string? Error { get; set; }

    public string? Image { get; set; }
}
