using System.Collections.Concurrent;

namespace WebOps.Deploys;

/// <summary>
/// When the panel itself stops or restarts a deployment's app. The container's death during such an action is the
/// action at work, not a crash: the health monitor asks here before taking a <c>die</c> for an alarm. Judging by the
/// container's state a moment later cannot tell the two apart on a busy machine, where a restart takes longer.
/// </summary>
public sealed class PanelActions(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    /// <summary>Marks the start of an action on <paramref name="deployment"/>; disposing marks its end.</summary>
    public IDisposable Begin(string deployment)
    {
        var window = new Window(clock.GetUtcNow(), null);
        windows[deployment] = window;
        return new Ending(() => windows[deployment] = window with { End = clock.GetUtcNow() });
    }

    /// <summary>True when an event at <paramref name="time"/> happened during the latest action on the deployment.</summary>
    public bool Caused(string deployment, DateTimeOffset time) =>
        windows.TryGetValue(deployment, out var w) && time >= w.Start && (w.End is null || time <= w.End);

    private sealed record Window(DateTimeOffset Start, DateTimeOffset? End);

    private sealed class Ending(Action end) : IDisposable
    {
        private int done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref done, 1) == 0)
            {
                end();
            }
        }
    }
}
