using WebOps.Addons.Docker.Swarm.Services;

namespace WebOps.Api;

/// <summary>
/// One task of a swarm deployment as the API shows it:
/// <c>{"id", "slot", "node", "state", "desired_state", "error", "message", "when", "restarts"}</c>.
/// </summary>
public sealed record SwarmTaskDto(string Id, int? Slot, string Node, string State, string DesiredState, string? Error, string? Message, DateTimeOffset? When, int Restarts)
{
    public static SwarmTaskDto From(SwarmTaskRow r) => new(r.Id, r.Slot, r.Node, r.State, r.DesiredState, r.Error, r.Message, r.When, r.Restarts);
}
