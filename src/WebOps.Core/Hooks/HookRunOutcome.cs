using WebOps.Core.Runtime;

namespace WebOps.Core.Hooks;

/// <summary>
/// The result of running one event's hooks. <see cref="Message"/> names the first addon that failed and why,
/// e.g. <c>Addon 'slack' failed in pre_deployment: exited with code 2</c>.
/// </summary>
public sealed record HookRunOutcome(bool Succeeded, string? Message, IReadOnlyList<HookRunRecord> Hooks)
{
    public bool Failed => !Succeeded;

    /// <summary>What the hooks started, as the last hook that started something reported it; null when none did.</summary>
    public RunningApp? App => Hooks.LastOrDefault(h => h.App is not null)?.App;
}
