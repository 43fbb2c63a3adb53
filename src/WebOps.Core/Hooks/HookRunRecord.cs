using WebOps.Core.Addons;
using WebOps.Core.Deployments;
using WebOps.Core.Runtime;

namespace WebOps.Core.Hooks;

/// <summary>
/// What happened to one hook in a run. <see cref="Health"/> is set for health checks only; <see cref="App"/> when
/// the hook succeeded and started the app.
/// </summary>
public sealed record HookRunRecord(
    HookDefinition Hook,
    HookRunStatus Status,
    string? Message,
    TimeSpan Duration,
    HealthState Health = HealthState.Unknown,
    RunningApp? App = null)
{
    public bool Failed => Status is HookRunStatus.Failed or HookRunStatus.TimedOut;
}
