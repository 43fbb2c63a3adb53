namespace WebOps.Core.Runtime;

/// <summary>
/// Live events of the app instances an addon runs (for the Docker addon: its containers' events from the engine),
/// so a crash is noticed at once rather than at the next health sweep. The panel follows a source only while its
/// addon is enabled, and opens the stream again, with growing pauses, whenever it ends or fails.
/// </summary>
public interface IRuntimeEventSource
{
    /// <summary>The name of the addon that provides the events, as in its manifest (e.g. <c>docker</c>).</summary>
    string Addon { get; }

    /// <summary>Where the events come from, for log lines (e.g. <c>unix:///var/run/docker.sock</c>).</summary>
    string Endpoint { get; }

    /// <summary>Returns when the source answers; throws when it cannot be reached.</summary>
    Task PingAsync(CancellationToken ct);

    /// <summary>
    /// Events of WebOps-managed instances as they happen, until <paramref name="ct"/> is cancelled. Ends, or throws,
    /// when the source goes away; events missed until the next call are lost, so the caller re-reads real states.
    /// </summary>
    IAsyncEnumerable<RuntimeEvent> WatchAsync(CancellationToken ct);

    /// <summary>The instance's current run; null when it is stopped or gone.</summary>
    Task<InstanceRun?> RunningAsync(string instanceId, CancellationToken ct);
}
