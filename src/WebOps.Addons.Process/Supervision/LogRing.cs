using WebOps.Core.Runtime;

namespace WebOps.Addons.Process.Supervision;

/// <summary>The last lines of an app's output, kept in memory; thread-safe.</summary>
public sealed class LogRing(int capacity)
{
    private readonly Queue<RuntimeLogLine> _lines = new();
    private readonly Lock _gate = new();

    public void Add(RuntimeLogLine line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _lines.Count;
            }
        }
    }

    public IReadOnlyList<RuntimeLogLine> Tail(int count)
    {
        lock (_gate)
        {
            return [.. _lines.Skip(Math.Max(0, _lines.Count - count))];
        }
    }
}
