using WebOps.Core.Deployments;
using WebOps.Core.Releases;

namespace WebOps.Api;

/// <summary>
/// One release as <c>GET /api/deployments/{name}/releases</c> lists it. <c>image_present</c> is null when the engine
/// could not be asked; <c>restorable</c> is false for releases made before configurations were kept.
/// </summary>
public sealed record ReleaseDto(
    int Run, RunKind Kind, int? RollbackOf, string? CommitSha, DateTimeOffset? FinishedAt, string? Image, bool Current,
    bool? ImagePresent, bool Restorable)
{
    public static ReleaseDto From(Release r, bool? imagePresent) =>
        new(r.Run, r.Kind, r.RollbackOf, r.CommitSha, r.FinishedAt, r.Image, r.Current, imagePresent, r.HasConfig);
}
