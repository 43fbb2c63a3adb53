using Microsoft.Extensions.Logging;

namespace WebOps.Addons.Docker.Llm;

/// <summary>One log line per engine verb that LLM deployments add.</summary>
internal static partial class LlmEngineLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Debug, Message = "Docker info {Endpoint}")]
    public static partial void Info(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Docker pull {Image}")]
    public static partial void Pull(ILogger logger, string image);
}
