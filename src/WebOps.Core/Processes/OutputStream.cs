namespace WebOps.Core.Processes;

/// <summary>Which of a child's output streams a line came from.</summary>
public enum OutputStream
{
    StandardOutput,
    StandardError,
}
