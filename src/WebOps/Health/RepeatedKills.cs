using System.Collections.Concurrent;
using WebOps.Core.Runtime;

namespace WebOps.Health;

/// <summary>
/// One out-of-memory kill can reach the panel as many <c>oom</c> events of the same container: with cgroup v1 the
/// kernel notifies every time the group hits its limit, and while the killed process exits the others in the group
/// (a pipe's other end, a worker) keep hitting it. Seen here: 2 events for one kill on a quiet machine, dozens under
/// load, each of which recorded the kill and a check again until they filled the health history. So while one
/// <c>oom</c> of a container is being handled, further ones of that container are the same kill and are dropped;
/// once it is handled, the next one is a new kill. Every other event passes.
/// </summary>
public sealed class RepeatedKills
{
    private readonly ConcurrentDictionary<string, byte> handling = new(StringComparer.Ordinal);

    /// <summary>False when <paramref name="e"/> repeats a kill still being handled; otherwise it is to be handled, and <see cref="End"/> must follow.</summary>
    public bool TryBegin(RuntimeEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return !IsKill(e) || handling.TryAdd(e.InstanceId, 0);
    }

    /// <summary>The handling that <see cref="TryBegin"/> allowed is over.</summary>
    public void End(RuntimeEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (IsKill(e))
        {
            handling.TryRemove(e.InstanceId, out _);
        }
    }

    private static bool IsKill(RuntimeEvent e) => e.Action == "oom";
}
