namespace WebOps.Core.Processes;

/// <summary>One line a child wrote, without its line ending, and the stream it wrote it to.</summary>
public readonly record struct OutputLine(OutputStream Stream, string Text)
{
    public bool IsError => Stream == OutputStream.StandardError;
}
