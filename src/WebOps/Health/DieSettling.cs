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
    /// How close to an <c>oom</c> event the instance's main process must have ended for the kill to have been the
    /// instance's own. The engine reports the event after the kill, at times after a restart policy has already
    /// started the instance again, so the start time alone cannot tell.
    /// </summary>
    public static readonly TimeSpan KillToEvent = TimeSpan.FromSeconds(10);

    /// <summary>What became of the event: the reaction to apply, and the instance's run when it runs again (or still).</summary>
    public sealed record Settled(ContainerEventReaction Reaction, InstanceRun? Run)
    {
        /// <summary>Whether the instance ran straight through <paramref name="e"/>: for an <c>oom</c>, the kernel killed
        /// one of its processes (a worker, a child of the main process), not the instance.</summary>
        public bool RanThrough(RuntimeEvent e) =>
            Run is { } run && run.StartedAt < e.Time && (run.LastExitAt is not { } exit || exit < e.Time - KillToEvent);
    }

    /// <summary>
    /// The death's reaction when the instance is not running again, or when the source cannot say: an engine that is
    /// stopping stops its containers (each a <c>die</c>) and is gone a moment later. The death then stands, so the sweep
    /// that follows the source's return records what came back as a change, instead of finding the health it last
    /// recorded before the outage and writing nothing.
    /// </summary>
    public static async Task<Settled> SettleAsync(
        IRuntimeEventSource source, RuntimeEvent e, ContainerEventReaction reaction, TimeSpan settle, CancellationToken ct)
    {
        await Task.Delay(settle, ct);
        try
        {
            return await source.RunningAsync(e.InstanceId, ct) is { } run
                ? new Settled(ContainerEventReaction.Recheck, run)
                : new Settled(reaction, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new Settled(reaction, null);
        }
    }
}
