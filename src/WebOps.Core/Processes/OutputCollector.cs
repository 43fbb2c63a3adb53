namespace WebOps.Core.Processes;

/// <summary>
/// Reads a child's stdout and stderr line by line, hands each line to the caller's callback (one call at a time, so
/// callers need no lock of their own) and keeps a bounded tail as evidence.
/// </summary>
internal sealed class OutputCollector(Action<OutputLine>? onLine, int tailLines)
{
    /// <summary>Tail lines longer than this are cut: the tail is evidence for a message, not a copy of the output.</summary>
    private const int MaxTailLineLength = 2000;

    private readonly Lock gate = new();
    private readonly Queue<OutputLine> tail = new();
    private bool sealedOff;

    public async Task PumpAsync(StreamReader reader, OutputStream stream, CancellationToken abandon)
    {
        try
        {
            while (await reader.ReadLineAsync(abandon) is { } line)
            {
                Add(new OutputLine(stream, line));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The run gave up on this pipe: an orphan that could not be killed still held it open.
        }
    }

    /// <summary>No callback after this: the run has returned to its caller.</summary>
    public void Seal()
    {
        lock (gate)
        {
            sealedOff = true;
        }
    }

    public IReadOnlyList<OutputLine> Tail()
    {
        lock (gate)
        {
            return [.. tail];
        }
    }

    private void Add(OutputLine line)
    {
        lock (gate)
        {
            if (sealedOff)
            {
                return;
            }

            var kept = line.Text.Length > MaxTailLineLength ? line with { Text = line.Text[..MaxTailLineLength] + " …(cut)" } : line;
            tail.Enqueue(kept);
            while (tail.Count > tailLines)
            {
                _ = tail.Dequeue();
            }

            onLine?.Invoke(line);
        }
    }
}
