using WebOps.Core.Deployments;

namespace WebOps.Core.Hooks;

/// <summary>
/// The combined result of all health_check hooks: Unhealthy if any hook said so or crashed, Healthy if all passed,
/// Unknown when no hook ran. Metrics land in the context, keyed <c>addon.key</c>.
/// </summary>
public sealed record HealthOutcome(HealthState Health, string? Message, IReadOnlyList<HookRunRecord> Hooks);
