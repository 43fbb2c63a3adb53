using WebOps.Core.Deployments;
using WebOps.Core.Runtime;

namespace WebOps.Core.Hooks;

/// <summary>
/// The outcome of one hook run. For health checks, <see cref="Health"/> says healthy or unhealthy; a
/// post_deployment hook that started the app returns what it started in <see cref="App"/>.
/// </summary>
public sealed record HookResult(bool Succeeded, string? Message = null, HealthState Health = HealthState.Unknown, RunningApp? App = null)
{
    public static HookResult Ok(string? message = null) => new(true, message);

    public static HookResult Fail(string message) => new(false, message);

    /// <summary>The app runs: the deploy records <paramref name="app"/> as what runs now.</summary>
    public static HookResult Started(RunningApp app, string? message = null) => new(true, message, App: app);

    public static HookResult Healthy(string? message = null) => new(true, message, HealthState.Healthy);

    public static HookResult Unhealthy(string message) => new(true, message, HealthState.Unhealthy);
}
