namespace WebOps.Core.Runtime;

/// <summary>What the runtime reports about a running (or stopped) app.</summary>
public sealed record RuntimeState(
    string State,
    bool Running,
    string? ContainerId,
    string? Image,
    int RestartCount,
    int? ExitCode,
    IReadOnlyList<string> PublishedPorts);
