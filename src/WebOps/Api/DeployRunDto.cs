using WebOps.Core.Deployments;

namespace WebOps.Api;

public sealed record DeployRunDto(
    int Id, string Result, DateTimeOffset QueuedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    double? DurationSeconds, string? CommitSha, string? Image, string? Error, RunKind Kind, int? RollbackOf)
{
    public static DeployRunDto From(DeployRun r) => new(
        r.Id, r.Result, r.QueuedAt, r.StartedAt, r.FinishedAt,
        r.StartedAt is { } s && r.FinishedAt is { } f ? Math.Round((f - s).TotalSeconds, 1) : null,
        r.CommitSha, r.Image, r.Error, r.Kind, r.RollbackOf);
}
