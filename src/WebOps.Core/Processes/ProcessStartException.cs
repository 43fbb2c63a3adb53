namespace WebOps.Core.Processes;

/// <summary>
/// A program could not be started at all (not found, not executable, no working folder). The message names the
/// program and the cause; callers wrap <see cref="Reason"/> with what the program was for and the next step.
/// </summary>
public sealed class ProcessStartException : Exception
{
    public ProcessStartException()
    {
    }

    public ProcessStartException(string message)
        : base(message)
    {
        Reason = message;
    }

    public ProcessStartException(string message, Exception inner)
        : base(message, inner)
    {
        Reason = message;
    }

    public ProcessStartException(string program, string reason, Exception? inner = null)
        : base($"Could not start '{program}': {reason}", inner)
    {
        Program = program;
        Reason = reason;
    }

    /// <summary>The program as the caller named it.</summary>
    public string? Program { get; }

    /// <summary>Why it could not start, without the program's name (e.g. "it was not found on PATH (...)").</summary>
    public string Reason { get; } = "";
}
