namespace WebOps.Core.Runtime;

/// <summary>
/// An app started without Docker: the command it runs and its process id. A systemd unit's process id belongs to
/// systemd, so an app supervised by a unit has none here (see <c>systemctl status webops-NAME</c>).
/// </summary>
public sealed record RunningProcess(int? ProcessId, string Command) : RunningApp
{
    public override string Describe() =>
        ProcessId is { } pid ? $"process {pid} running {Command}" : $"a systemd unit running {Command}";
}
