using WebOps.Core.Deployments;

namespace WebOps.Core.Releases;

/// <summary>One succeeded run as the releases list shows it.</summary>
public sealed record Release(
    int Run, RunKind Kind, int? RollbackOf, string? CommitSha, DateTimeOffset? FinishedAt, string? Image, bool Current, bool HasConfig)
{
    /// <summary>The releases among <paramref name="runs"/>, newest first; the newest is current (a failed run leaves the previous one running).</summary>
    public static IReadOnlyList<Release> From(IEnumerable<DeployRun> runs) =>
    [
        .. runs.Where(r => r.Result == "succeeded").OrderByDescending(r => r.Id)
            .Select((r, i) => new Release(r.Id, r.Kind, r.RollbackOf, r.CommitSha, r.FinishedAt, r.Image, i == 0, r.Config is not null)),
    ];
}
