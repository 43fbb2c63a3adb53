namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>
/// One task of a swarm deployment's service as the panel shows it: its short id, slot, the node it was placed on
/// (empty while unplaced), Swarm's state and desired state, the task's error (or, without one, its status message),
/// when it last changed state, and how often its slot's task was replaced while running the same image.
/// </summary>
public sealed record SwarmTaskRow(
    string Id,
    int? Slot,
    string Node,
    string State,
    string DesiredState,
    string? Error,
    string? Message,
    DateTimeOffset? When,
    int Restarts)
{
    /// <summary>Running, and meant to run (an old task of a start-first update runs until it is told to stop).</summary>
    public bool IsRunning => State == "running" && DesiredState == "running";

    /// <summary>Meant to run now: the task Swarm keeps or is bringing up for its slot, not a finished one kept as history.</summary>
    public bool IsCurrent => DesiredState is "running" or "ready" or "accepted";

    /// <summary>What went wrong with the task, or what Swarm says it is doing: the error first, else the message.</summary>
    public string Detail => !string.IsNullOrWhiteSpace(Error) ? Error.Trim() : Message?.Trim() ?? "";
}
