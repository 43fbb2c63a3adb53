using Microsoft.Extensions.Logging;

namespace WebOps.Addons.Docker.Swarm.Cluster;

/// <summary>One log line per cluster operation the panel asks the manager engine for.</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Swarm init at {Endpoint} (advertise {Advertise})")]
    public static partial void Init(ILogger logger, string endpoint, string advertise);

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "Swarm join tokens rotated at {Endpoint}")]
    public static partial void Rotate(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "Swarm node {Node} updated: {Change}")]
    public static partial void NodeUpdated(ILogger logger, string node, string change);

    [LoggerMessage(EventId = 403, Level = LogLevel.Information, Message = "Swarm node {Node} changed under the update (version conflict): reading it again")]
    public static partial void NodeRetry(ILogger logger, string node);
}
