using WebOps.Core.Deployments;

namespace WebOps.Core.Hooks;

/// <summary>The outcome of one hook run. For health checks, <see cref="Health"/> says healthy or unhealthy.</summary>
public sealed record HookResult(bool Succeeded, string? Message = null, HealthState Health = HealthState.Unknown)
{
    public static HookResult Ok(string? message = null) => new(true, message);

    public static HookResult Fail(string message) => new(false, message);

    public static HookResult Healthy(string? message = null) => new(true, message, HealthState.Healthy);

    public static HookResult Unhealthy(string message) => new(true, message, HealthState.Unhealthy);
}
