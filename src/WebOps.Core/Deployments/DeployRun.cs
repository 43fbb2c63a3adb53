using WebOps.Core.Releases;

namespace WebOps.Core.Deployments;

/// <summary>One execution of the deploy flow for a deployment; a succeeded one is a release (image plus <see cref="Config"/>).</summary>
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

    public RunKind Kind { get; set; } = RunKind.Deploy;

    /// <summary>For a rollback: the release (run id) whose image and configuration it starts.</summary>
    public int? RollbackOf { get; set; }

    /// <summary>The configuration the release ran with; set when the run succeeded (null for runs made before releases were kept).</summary>
    public ReleaseConfig? Config { get; set; }

    /// <summary>"deploy" or "rollback", as the API and the log name the kind.</summary>
    public string KindText => Kind.ToString().ToLowerInvariant();
}
