using WebOps.Core.Addons;
using WebOps.Core.Deployments;

namespace WebOps.Core.Hooks;

/// <summary>What happened to one hook in a run. <see cref="Health"/> is set for health checks only.</summary>
public sealed record HookRunRecord(
    HookDefinition Hook,
    HookRunStatus Status,
    string? Message,
    TimeSpan Duration,
    HealthState Health = HealthState.Unknown)
{
    public bool Failed => Status is HookRunStatus.Failed or HookRunStatus.TimedOut;
}
