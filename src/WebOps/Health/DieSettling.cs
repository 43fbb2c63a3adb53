using WebOps.Core.Health;
using WebOps.Core.Runtime;

namespace WebOps.Health;

/// <summary>
/// Judges a <c>die</c> (or <c>oom</c>) once a restart policy has had a moment to bring the instance back: an instance
/// that runs again gets a fresh check instead of the death's reaction.
/// </summary>
public static class DieSettling
{
    /// <summary>
    /// The death's reaction when the instance is not running again, or when the source cannot say: an engine that is
    /// stopping stops its containers (each a <c>die</c>) and is gone a moment later. The death then stands, so the sweep
    /// that follows the source's return records what came back as a change, instead of finding the health it last
    /// recorded before the outage and writing nothing.
    /// </summary>
    public static async Task<ContainerEventReaction> SettleAsync(
        IRuntimeEventSource source, string instanceId, ContainerEventReaction reaction, TimeSpan settle, CancellationToken ct)
    {
        await Task.Delay(settle, ct);
        try
        {
            return await source.IsRunningAsync(instanceId, ct) ? ContainerEventReaction.Recheck : reaction;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return reaction;
        }
    }
}
