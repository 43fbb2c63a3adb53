namespace WebOps.Core.Runtime;

/// <summary>What the runtime reports about a running (or stopped) app: its state and what holds it
/// (<see cref="RunningContainer"/> or <see cref="RunningProcess"/>, with published ports).</summary>
public sealed record RuntimeState(
    string State,
    bool Running,
    RunningApp App,
    int RestartCount,
    int? ExitCode)
{
    /// <summary>A Compose project's services, one state each; empty for a single container or process.</summary>
    public IReadOnlyList<Compose.ServiceState> Services { get; init; } = [];
}
