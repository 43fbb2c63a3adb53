namespace WebOps.Core.Processes;

/// <summary>Why a child had to be stopped before it exited by itself.</summary>
internal enum Stop
{
    TimedOut,
    Cancelled,
}
