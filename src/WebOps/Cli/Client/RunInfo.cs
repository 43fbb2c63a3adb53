namespace WebOps.Cli.Client;

/// <summary>A deploy run as <c>POST .../deploy</c> and <c>GET .../runs</c> answer.</summary>
public sealed record RunInfo(
    int Id,
    string Result,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    double? DurationSeconds = null,
    string? CommitSha = null,
    string? Image = null,
    string? Error = null)
{
    /// <summary>Ended one way or the other: <c>succeeded</c>, <c>failed</c>, <c>cancelled</c> (anything but queued or running).</summary>
    public bool Finished => Result is not ("queued" or "running");

    public bool Succeeded => Result == "succeeded";
}
