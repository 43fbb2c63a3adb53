using Microsoft.Extensions.Logging;

namespace WebOps.Core.Processes;

/// <summary>One line per child run, and a warning whenever the panel had to kill what a child started.</summary>
internal static partial class ProcessLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Debug, Message = "Ran {Command}: exit code {ExitCode} in {Milliseconds:0} ms")]
    public static partial void Finished(ILogger logger, string command, int exitCode, double milliseconds);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Killed {Command} (pid {Pid}) and its process group: {Reason}")]
    public static partial void Killed(ILogger logger, string command, int pid, Stop reason);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "{Command} (pid {Pid}) exited but processes it started still held its output; killed its process group")]
    public static partial void OrphansKilled(ILogger logger, string command, int pid);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Stopping: programs the panel started still ran {Seconds} s after they were told to stop; they are left to end on their own")]
    public static partial void LeftRunning(ILogger logger, double seconds);
}
