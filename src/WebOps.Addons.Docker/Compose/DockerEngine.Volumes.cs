using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;

namespace WebOps.Addons.Docker.Engine;

/// <summary>Volumes, which only Compose deployments create (anonymous ones are removed with the project, named ones when asked).</summary>
public sealed partial class DockerEngine
{
    /// <summary>Names of the volumes carrying all the given labels.</summary>
    public async Task<IReadOnlyList<string>> ListVolumesAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        ComposeEngineLog.ListVolumes(logger, LabelFilter.Describe(labels));
        var connected = await ClientAsync(cancellationToken);
        var found = await Call(() => connected.Volumes.ListAsync(new VolumesListParameters { Filters = LabelFilter.For(labels) }, cancellationToken));
        return [.. (found.Volumes ?? []).Select(v => v.Name)];
    }

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

    [LoggerMessage(EventId = 191, Level = LogLevel.Information, Message = "Docker list volumes {Labels}")]
    public static partial void ListVolumes(ILogger logger, string labels);
}
