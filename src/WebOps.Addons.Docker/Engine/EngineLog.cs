using Microsoft.Extensions.Logging;

namespace WebOps.Addons.Docker.Engine;

/// <summary>One log line per Docker verb, so an operator can follow what the panel asked the engine to do.</summary>
internal static partial class EngineLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Docker engine {ServerVersion} at {Endpoint}: using API {ApiVersion}")]
    public static partial void Connected(ILogger logger, string endpoint, string serverVersion, string apiVersion);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Docker ping {Endpoint}")]
    public static partial void Ping(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Docker build {Tags} (Dockerfile {Dockerfile})")]
    public static partial void Build(ILogger logger, string tags, string dockerfile);

    [LoggerMessage(EventId = 111, Level = LogLevel.Debug, Message = "Docker inspect image {Image}")]
    public static partial void InspectImage(ILogger logger, string image);

    [LoggerMessage(EventId = 112, Level = LogLevel.Information, Message = "Docker remove image {Image}")]
    public static partial void RemoveImage(ILogger logger, string image);

    [LoggerMessage(EventId = 113, Level = LogLevel.Information, Message = "Docker tag {Source} as {Target}")]
    public static partial void TagImage(ILogger logger, string source, string target);

    [LoggerMessage(EventId = 114, Level = LogLevel.Debug, Message = "Docker list images labelled {Labels}")]
    public static partial void ListImages(ILogger logger, string labels);

    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "Docker create container {Name} from {Image}")]
    public static partial void CreateContainer(ILogger logger, string name, string image);

    [LoggerMessage(EventId = 121, Level = LogLevel.Information, Message = "Docker start container {Container}")]
    public static partial void StartContainer(ILogger logger, string container);

    [LoggerMessage(EventId = 122, Level = LogLevel.Information, Message = "Docker stop container {Container} (grace {GraceSeconds} s)")]
    public static partial void StopContainer(ILogger logger, string container, uint graceSeconds);

    [LoggerMessage(EventId = 123, Level = LogLevel.Information, Message = "Docker restart container {Container} (grace {GraceSeconds} s)")]
    public static partial void RestartContainer(ILogger logger, string container, uint graceSeconds);

    [LoggerMessage(EventId = 124, Level = LogLevel.Information, Message = "Docker remove container {Container}")]
    public static partial void RemoveContainer(ILogger logger, string container);

    [LoggerMessage(EventId = 125, Level = LogLevel.Information, Message = "Docker rename container {Container} to {NewName}")]
    public static partial void RenameContainer(ILogger logger, string container, string newName);

    [LoggerMessage(EventId = 126, Level = LogLevel.Debug, Message = "Docker inspect container {Container}")]
    public static partial void InspectContainer(ILogger logger, string container);

    [LoggerMessage(EventId = 127, Level = LogLevel.Debug, Message = "Docker list containers labelled {Labels}")]
    public static partial void ListContainers(ILogger logger, string labels);

    [LoggerMessage(EventId = 130, Level = LogLevel.Debug, Message = "Docker logs {Container} (tail {Tail})")]
    public static partial void Logs(ILogger logger, string container, int tail);

    [LoggerMessage(EventId = 131, Level = LogLevel.Debug, Message = "Docker stats {Container}")]
    public static partial void Stats(ILogger logger, string container);

    [LoggerMessage(EventId = 132, Level = LogLevel.Information, Message = "Docker events: watching containers labelled {Labels}")]
    public static partial void WatchEvents(ILogger logger, string labels);

    [LoggerMessage(EventId = 128, Level = LogLevel.Information, Message = "Docker update container {Container}: restart policy {Policy}")]
    public static partial void UpdateContainer(ILogger logger, string container, string policy);
}
