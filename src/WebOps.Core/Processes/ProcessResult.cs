namespace WebOps.Core.Processes;

/// <summary>How a child process ended, with the last lines it wrote as evidence for error messages.</summary>
public sealed record ProcessResult
{
    /// <summary>The child's exit code; after a kill, what the kill left (137 for SIGKILL on Linux), or -1 when the
    /// child could not be waited for.</summary>
    public required int ExitCode { get; init; }

    /// <summary>The time limit passed; the child's process group was killed.</summary>
    public bool TimedOut { get; init; }

    /// <summary>The caller's token fired; the child's process group was killed.</summary>
    public bool Cancelled { get; init; }

    /// <summary>The child exited but processes it started still held its output; they were killed with its group.</summary>
    public bool OrphansStopped { get; init; }

    /// <summary>The last output lines of both streams in the order they arrived, each cut to a bounded length.</summary>
    public IReadOnlyList<OutputLine> Tail { get; init; } = [];

    public TimeSpan Duration { get; init; }

    public bool Succeeded => ExitCode == 0 && !TimedOut && !Cancelled;

    /// <summary>The texts of the tail's lines, of one stream or of both.</summary>
    public IEnumerable<string> TailText(OutputStream? only = null) =>
        Tail.Where(l => only is null || l.Stream == only).Select(l => l.Text);
}
