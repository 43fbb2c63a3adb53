using Docker.DotNet.Models;
using WebOps.Addons.Docker.Llm;

namespace WebOps.Addons.Docker.Engine;

/// <summary>The engine verbs LLM deployments add: the engine's runtimes (for GPUs) and pulling the vLLM image.</summary>
public sealed partial class DockerEngine
{
    /// <summary>The engine's <c>/info</c>: runtimes, default runtime and more.</summary>
    public async Task<SystemInfoResponse> GetSystemInfoAsync(CancellationToken cancellationToken)
    {
        LlmEngineLog.Info(logger, Endpoint);
        var connected = await ClientAsync(cancellationToken);
        return await Call(() => connected.System.GetSystemInfoAsync(cancellationToken));
    }

    /// <summary>
    /// Pulls <paramref name="image"/>. Progress goes to <paramref name="onMessage"/> in order; a failed pull is
    /// reported there (<see cref="JSONMessage.Error"/>), like a failed build.
    /// </summary>
    public async Task PullImageAsync(string image, Action<JSONMessage> onMessage, CancellationToken cancellationToken)
    {
        LlmEngineLog.Pull(logger, image);
        var (repository, tag) = ImageReference.Split(image);
        var connected = await ClientAsync(cancellationToken);
        await Call(() => connected.Images.CreateImageAsync(
            new ImagesCreateParameters { FromImage = repository, Tag = tag }, authConfig: null, new SyncProgress<JSONMessage>(onMessage), cancellationToken));
    }
}
