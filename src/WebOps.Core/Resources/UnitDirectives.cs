using System.Globalization;

namespace WebOps.Core.Resources;

/// <summary>
/// A deployment's limits and restart policy as systemd unit directives, for an app that systemd runs as a unit. The
/// cgroup limits are the ones a scope gets (<see cref="ScopeCommand.Properties"/>); the restart policy maps as:
/// <c>no</c> to <c>Restart=no</c>; <c>always</c> and <c>unless-stopped</c> to <c>Restart=always</c> (a unit stopped
/// with systemctl stays stopped, as Docker's unless-stopped does); <c>on-failure[:N]</c> to <c>Restart=on-failure</c>,
/// with N as systemd's start limit: the first start and N restarts within an hour, then systemd gives up.
/// </summary>
public static class UnitDirectives
{
    /// <summary>The window in which systemd counts the starts of an <c>on-failure:N</c> unit.</summary>
    public const string StartLimitInterval = "1h";

    /// <summary>The <c>[Service]</c> lines that cap memory, CPU and tasks; none without limits.</summary>
    public static IReadOnlyList<string> Limits(ResourceSettings settings) => ScopeCommand.Properties(settings);

    /// <summary>The value of <c>Restart=</c> for the deployment's restart policy.</summary>
    public static string Restart(ResourceSettings settings) => RestartPolicyGrammar.Read(settings.EffectiveRestartPolicy) switch
    {
        ("no", _, _) => "no",
        ("on-failure", _, _) => "on-failure",
        ("always" or "unless-stopped", _, _) => "always",
        (_, _, var error) => throw new ArgumentException(
            $"restart_policy '{settings.EffectiveRestartPolicy}' {error}. Fix it in the deployment's settings.", nameof(settings)),
    };

    /// <summary>
    /// The <c>[Unit]</c> lines that stop restarting after N failures (<c>on-failure:N</c>); none for other policies.
    /// systemd counts every start in the window, so the burst is the first start plus N restarts.
    /// </summary>
    public static IReadOnlyList<string> StartLimits(ResourceSettings settings) =>
        RestartPolicyGrammar.Read(settings.EffectiveRestartPolicy) is ("on-failure", { } retries, null)
            ? [$"StartLimitIntervalSec={StartLimitInterval}", string.Create(CultureInfo.InvariantCulture, $"StartLimitBurst={retries + 1}")]
            : [];
}
