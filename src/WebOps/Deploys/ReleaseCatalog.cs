using Microsoft.EntityFrameworkCore;
using WebOps.Core.Deployments;
using WebOps.Core.Releases;
using WebOps.Core.Validation;
using WebOps.Data;

namespace WebOps.Deploys;

/// <summary>A deployment's releases (its succeeded runs) and the choice of the one a rollback starts.</summary>
public sealed class ReleaseCatalog(WebOpsDbContext db, IEnumerable<IReleaseImages> images)
{
    /// <summary>How many releases the list shows; older ones have long lost their images.</summary>
    public const int Listed = 50;

    /// <summary>The releases, newest first, the newest marked current; each says whether its image still exists (null: unknown).</summary>
    public async Task<IReadOnlyList<(Release Release, bool? ImagePresent)>> ListAsync(Deployment d, CancellationToken ct)
    {
        var runs = await db.DeployRuns.AsNoTracking()
            .Where(r => r.DeploymentId == d.Id && r.Result == "succeeded")
            .OrderByDescending(r => r.Id).Take(Listed).ToListAsync(ct);
        var present = await PresentAsync(d, ct);
        return [.. Release.From(runs).Select(r => (r, r.Image is null ? false : present?.Contains(r.Image)))];
    }

    /// <summary>
    /// The release a rollback starts: run <paramref name="run"/>, else the release before the current one. Throws
    /// <see cref="ValidationFailedException"/> naming <c>run</c> when that run cannot be rolled back to, and
    /// <see cref="ActionRefusedException"/> when the deployment cannot roll back or the image was removed.
    /// </summary>
    public async Task<DeployRun> ChooseAsync(Deployment d, int? run, CancellationToken ct)
    {
        var release = run is { } number
            ? await db.DeployRuns.SingleOrDefaultAsync(r => r.Id == number && r.DeploymentId == d.Id, ct)
            : await db.DeployRuns.Where(r => r.DeploymentId == d.Id && r.Result == "succeeded")
                .OrderByDescending(r => r.Id).Skip(1).FirstOrDefaultAsync(ct);
        if (run is null && release is null && d.UseDocker)
        {
            throw new ValidationFailedException([new FieldError(ReleaseRefusal.RunField,
                $"'{d.Name}' has no release before the current one to roll back to; deploy it, or give the run number of a release")]);
        }

        if (ReleaseRefusal.Check(d, release, run ?? release?.Id) is { } refused)
        {
            throw refused.Field is { } field
                ? new ValidationFailedException([new FieldError(field, refused.Message)])
                : new ActionRefusedException(refused.Message);
        }

        if (await PresentAsync(d, ct) is { } present && !present.Contains(release!.Image!))
        {
            throw new ActionRefusedException(ReleaseRefusal.ImageRemoved(d.Name, release.Id, release.Image));
        }

        return release!;
    }

    private async Task<IReadOnlySet<string>?> PresentAsync(Deployment d, CancellationToken ct) =>
        d.UseDocker && images.FirstOrDefault() is { } engine ? await engine.PresentAsync(d.Name, ct) : null;
}
