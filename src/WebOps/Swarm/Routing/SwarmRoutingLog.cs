namespace WebOps.Swarm.Routing;

/// <summary>The routing watcher's log lines.</summary>
internal static partial class SwarmRoutingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Swarm routing: following the manager's service and node events, and listing the running tasks every {Seconds:0} s.")]
    public static partial void Started(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Swarm routing: {Change}.")]
    public static partial void Changed(ILogger logger, string change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Swarm routing: listing the running tasks failed; the edge keeps the routes it has and the panel tries again in {Seconds:0} s.")]
    public static partial void ListFailed(ILogger logger, Exception error, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Swarm routing: the manager's event stream ended ({Reason}); following it again in {Seconds:0.0} s, listing meanwhile on the timer.")]
    public static partial void EventsLost(ILogger logger, string reason, double seconds);
}
