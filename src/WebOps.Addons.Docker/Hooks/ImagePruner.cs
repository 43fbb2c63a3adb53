using Docker.DotNet;
using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;
using WebOps.Core.Hooks;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>Keeps the newest per-deploy images of a deployment (for rollback) and removes the older ones.</summary>
public sealed class ImagePruner(DockerEngine engine)
{
    /// <summary>Removes per-deploy tags beyond the newest <paramref name="keep"/>; never <paramref name="inUse"/>.</summary>
    public async Task<IReadOnlyList<string>> PruneAsync(
        DeploymentSnapshot deployment, string inUse, int keep, IDeploymentLog log, CancellationToken cancellationToken)
    {
        var repository = ImageReference.Split(deployment.ImageName).Repository;
        IList<ImagesListResponse> images;
        try
        {
            images = await engine.ListImagesAsync(Labels.ForDeployment(deployment.Name), cancellationToken);
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
        var removed = new List<string>();
        foreach (var tag in deployTags.Skip(Math.Max(keep, 1)).Where(tag => tag != inUse))
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
            log.Info($"Removed {removed.Count} old image(s), keeping the newest {keep}: {string.Join(", ", removed)}");
        }

        return removed;
    }
}
