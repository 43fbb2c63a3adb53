namespace WebOps.Core.Runtime;

/// <summary>A process started without Docker: its process id and the command it runs.</summary>
public sealed record RunningProcess(int ProcessId, string Command) : RunningApp
{
    public override string Describe() => $"process {ProcessId} running {Command}";
}
