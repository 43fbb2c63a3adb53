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
            // A swarm release names its image as pushed, repo:tag@digest: the tag pinned to the digest the registry holds.
            var pinned = images.SelectMany(i => (i.RepoTags ?? []).SelectMany(tag => (i.RepoDigests ?? [])
                .Where(d => d.StartsWith(ImageReference.Split(tag).Repository + "@", StringComparison.Ordinal))
                .Select(d => tag + d[d.IndexOf('@', StringComparison.Ordinal)..])));
            return images.SelectMany(i => i.RepoTags ?? []).Concat(pinned).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is DockerUnavailableException or DockerApiException)
        {
            // Unknown, not absent: the run itself checks again and says why it cannot start.
            return null;
        }
    }
}
