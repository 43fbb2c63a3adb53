using Docker.DotNet;
using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;
using WebOps.Core.Hooks;
using WebOps.Core.Releases;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>
/// Keeps the images of a deployment's newest releases (for rollback) and removes its other per-deploy images. Which
/// ones stay is <see cref="ReleaseRetention"/>'s answer: the newest <c>Docker:KeepImages</c> releases, and always the
/// current and the previous one.
/// </summary>
public sealed class ImagePruner(DockerEngine engine)
{
    /// <summary>
    /// The deployment's images, as the pruning needs them. A deploy asks while its container starts, so the answer is
    /// ready when the pruning runs: the images do not change meanwhile, since runs of one deployment never overlap.
    /// </summary>
    public Task<IList<ImagesListResponse>> ListAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken) =>
        engine.ListImagesAsync(Labels.ForDeployment(deployment.Name), cancellationToken);

    /// <summary>
    /// Removes per-deploy tags no kept release runs; never <paramref name="inUse"/> (the new current release).
    /// <paramref name="earlierReleases"/> are the images of the releases before it, newest first; without them (a run
    /// outside the deploy flow) the newest <paramref name="keep"/> tags by creation stay. <paramref name="listing"/> is
    /// <see cref="ListAsync"/>'s answer when the caller asked for it earlier; else the images are listed now.
    /// </summary>
    public async Task<IReadOnlyList<string>> PruneAsync(
        DeploymentSnapshot deployment, string inUse, IReadOnlyList<string>? earlierReleases, int keep, IDeploymentLog log,
        CancellationToken cancellationToken, Task<IList<ImagesListResponse>>? listing = null)
    {
        var repository = ImageReference.Split(deployment.ImageName).Repository;
        IList<ImagesListResponse> images;
        try
        {
            images = await (listing ?? ListAsync(deployment, cancellationToken));
        }
        catch (DockerApiException e)
        {
            // Pruning is housekeeping: the deploy already succeeded, the next one prunes again.
            log.Warn($"Could not list old images of '{deployment.Name}': {EngineErrors.Describe(e)}");
            return [];
        }

        var deployTags = images
            .SelectMany(image => (image.RepoTags ?? []).Select(tag => (Tag: tag, image.Created, Run: ImageReference.DeployRunOf(tag, repository))))
            .Where(entry => entry.Run is not null)
            .OrderByDescending(entry => entry.Created)
            .ThenByDescending(entry => entry.Run)
            .Select(entry => entry.Tag)
            .ToList();
        var releases = earlierReleases is null ? deployTags.Where(tag => tag != inUse) : earlierReleases;
        var removable = ReleaseRetention.Removable(deployTags, [inUse, .. releases], keep);
        var removed = new List<string>();
        foreach (var tag in removable)
        {
            try
            {
                await engine.RemoveImageAsync(tag, force: false, cancellationToken);
                removed.Add(tag);
            }
            catch (DockerApiException e)
            {
                // An image still used by some container stays; the next deploy tries again.
                log.Warn($"Kept old image {tag}: {EngineErrors.Describe(e)}");
            }
        }

        if (removed.Count > 0)
        {
            log.Info($"Removed {removed.Count} old image(s), keeping those of the newest {Math.Max(keep, ReleaseRetention.AlwaysKept)} releases: {string.Join(", ", removed)}");
        }

        return removed;
    }
}
