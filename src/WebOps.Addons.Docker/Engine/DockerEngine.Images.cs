using Docker.DotNet;
using Docker.DotNet.Models;

namespace WebOps.Addons.Docker.Engine;

public sealed partial class DockerEngine
{
    /// <summary>
    /// Builds an image from a tar context. Every progress message goes to <paramref name="onMessage"/> in order;
    /// a failed build is reported there (<see cref="JSONMessage.Error"/>), not as an exception.
    /// </summary>
    public async Task BuildImageAsync(
        Stream tarContext, ImageBuildParameters parameters, Action<JSONMessage> onMessage, CancellationToken cancellationToken)
    {
        EngineLog.Build(logger, string.Join(", ", parameters.Tags ?? []), parameters.Dockerfile ?? "Dockerfile");
        var connected = await ClientAsync(cancellationToken);
        await Call(() => connected.Images.BuildImageFromDockerfileAsync(
            parameters, tarContext, authConfigs: null, headers: null, new SyncProgress<JSONMessage>(onMessage), cancellationToken));
    }

    /// <summary>Null when no such image exists.</summary>
    public async Task<ImageInspectResponse?> InspectImageAsync(string image, CancellationToken cancellationToken)
    {
        EngineLog.InspectImage(logger, image);
        var connected = await ClientAsync(cancellationToken);
        try
        {
            return await Call(() => connected.Images.InspectImageAsync(image, cancellationToken));
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Removes a tag (and the image when it was its last tag). False when it did not exist.</summary>
    public async Task<bool> RemoveImageAsync(string image, bool force, CancellationToken cancellationToken)
    {
        EngineLog.RemoveImage(logger, image);
        var connected = await ClientAsync(cancellationToken);
        try
        {
            await Call(() => connected.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = force }, cancellationToken));
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
        catch (DockerApiException e) when (e.ResponseBody?.Contains("unrecognized image ID", StringComparison.Ordinal) == true)
        {
            // Removed between the list and this call (another removal took it with its parent or child): gone too.
            return false;
        }
    }

    /// <summary>Points <paramref name="target"/> (<c>repo:tag</c>) at the image <paramref name="source"/>.</summary>
    public async Task TagImageAsync(string source, string target, CancellationToken cancellationToken)
    {
        EngineLog.TagImage(logger, source, target);
        var (repository, tag) = ImageReference.Split(target);
        var connected = await ClientAsync(cancellationToken);
        await Call(() => connected.Images.TagImageAsync(
            source, new ImageTagParameters { RepositoryName = repository, Tag = tag }, cancellationToken));
    }

    public async Task<IList<ImagesListResponse>> ListImagesAsync(
        IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        EngineLog.ListImages(logger, LabelFilter.Describe(labels));
        var connected = await ClientAsync(cancellationToken);
        return await Call(() => connected.Images.ListImagesAsync(
            new ImagesListParameters { Filters = LabelFilter.For(labels) }, cancellationToken));
    }
}
