using Docker.DotNet;
using Microsoft.Extensions.Logging;

namespace WebOps.Addons.Docker.Engine;

/// <summary>Volumes, which only Compose deployments create (anonymous ones are removed with the project).</summary>
public sealed partial class DockerEngine
{
    /// <summary>Removes a volume; false when it did not exist.</summary>
    public async Task<bool> RemoveVolumeAsync(string volume, CancellationToken cancellationToken)
    {
        ComposeEngineLog.RemoveVolume(logger, volume);
        var connected = await ClientAsync(cancellationToken);
        try
        {
            await Call(() => connected.Volumes.RemoveAsync(volume, force: false, cancellationToken));
            return true;
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}

internal static partial class ComposeEngineLog
{
    [LoggerMessage(EventId = 190, Level = LogLevel.Information, Message = "Docker remove volume {Volume}")]
    public static partial void RemoveVolume(ILogger logger, string volume);
}
