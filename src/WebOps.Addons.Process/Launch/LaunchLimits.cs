using WebOps.Core.Resources;

namespace WebOps.Addons.Process.Launch;

/// <summary>
/// Decides once per deploy how a process app's limits are applied: inside a systemd scope (<see cref="ScopeCommand"/>)
/// when systemd is PID 1 and the panel supervises the app, otherwise not at all, with <see cref="Note"/> saying why.
/// </summary>
public sealed record LaunchLimits(ResourceSettings Settings, string? SystemdRun, string? Note)
{
    public static LaunchLimits For(string deployment, ResourceSettings settings, bool systemdIsPid1, bool underSystemdUnits, bool staticSite)
    {
        if (!settings.HasLimits)
        {
            return new(settings, null, null);
        }

        var why = staticSite ? "a static site is served by the panel itself, which they would limit too"
            : underSystemdUnits ? "apps run as systemd units here, and the unit template sets no limits"
            : !systemdIsPid1 ? "process apps get them from a systemd scope, and systemd is not PID 1 here"
            : ScopeCommand.Candidates.FirstOrDefault(File.Exists) is null ? "systemd-run was not found" : null;
        return why is null
            ? new(settings, ScopeCommand.Candidates.First(File.Exists), ScopeCommand.Enforced(deployment, settings))
            : new(settings, null, ScopeCommand.NotEnforced(deployment, settings, why));
    }

    /// <summary><paramref name="spec"/> started inside the scope, or unchanged when the limits are not enforced.</summary>
    public LaunchSpec Apply(LaunchSpec spec)
    {
        if (SystemdRun is null || spec.Program.Length == 0)
        {
            return spec;
        }

        var command = ScopeCommand.Wrap(SystemdRun, Settings, spec.Program, spec.Arguments);
        return spec with { Program = command[0], Arguments = [.. command.Skip(1)] };
    }
}
