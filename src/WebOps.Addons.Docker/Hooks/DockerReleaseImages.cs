using Docker.DotNet;
using WebOps.Addons.Docker.Engine;
using WebOps.Core.Releases;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>The deployment's images as the engine lists them by label; every tag of each.</summary>
public sealed class DockerReleaseImages(DockerEngine engine) : IReleaseImages
{
    public async Task<IReadOnlySet<string>?> PresentAsync(string deploymentName, CancellationToken cancellationToken)
    {
        try
        {
            var images = await engine.ListImagesAsync(Labels.ForDeployment(deploymentName), cancellationToken);
            return images.SelectMany(i => i.RepoTags ?? []).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is DockerUnavailableException or DockerApiException)
        {
            // Unknown, not absent: the run itself checks again and says why it cannot start.
            return null;
        }
    }
}
