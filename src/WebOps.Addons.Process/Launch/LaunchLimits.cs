using WebOps.Core.Resources;

namespace WebOps.Addons.Process.Launch;

/// <summary>
/// Decides once per deploy how a process app's limits are applied: by its systemd unit when apps run as units
/// (<see cref="UnitDirectives"/>, which also carries the restart policy), inside a systemd scope
/// (<see cref="ScopeCommand"/>) when systemd is PID 1 and the panel supervises the app, otherwise not at all, with
/// <see cref="Note"/> saying why in one line for the deploy log.
/// </summary>
public sealed record LaunchLimits(ResourceSettings Settings, string? SystemdRun, string? Note, bool InUnit = false)
{
    public static LaunchLimits For(string deployment, ResourceSettings settings, bool systemdIsPid1, bool underSystemdUnits, bool staticSite)
    {
        if (underSystemdUnits && !staticSite)
        {
            return new(settings, null, settings.HasLimits ? UnitEnforced(deployment, settings) : null, InUnit: true);
        }

        if (!settings.HasLimits)
        {
            return new(settings, null, null);
        }

        var why = staticSite ? "a static site is served by the panel itself, which they would limit too"
            : !systemdIsPid1 ? "process apps get them from a systemd scope, and systemd is not PID 1 here"
            : ScopeCommand.Candidates.FirstOrDefault(File.Exists) is null ? "systemd-run was not found" : null;
        return why is null
            ? new(settings, ScopeCommand.Candidates.First(File.Exists), ScopeCommand.Enforced(deployment, settings))
            : new(settings, null, ScopeCommand.NotEnforced(deployment, settings, why));
    }

    /// <summary>The deploy log's line when the app's systemd unit enforces the limits.</summary>
    public static string UnitEnforced(string deployment, ResourceSettings settings) =>
        $"The limits of '{deployment}' ({ScopeCommand.Describe(settings)}) are enforced by its systemd unit ({string.Join(", ", UnitDirectives.Limits(settings))}).";

    /// <summary>
    /// <paramref name="spec"/> with the limits attached: for the unit to write them, or as a scope around the
    /// program; unchanged when the limits are not enforced.
    /// </summary>
    public LaunchSpec Apply(LaunchSpec spec)
    {
        if (InUnit && spec.Kind == LaunchKind.Process)
        {
            return spec with { UnitResources = Settings };
        }

        if (SystemdRun is null || spec.Program.Length == 0)
        {
            return spec;
        }

        var command = ScopeCommand.Wrap(SystemdRun, Settings, spec.Program, spec.Arguments);
        return spec with { Program = command[0], Arguments = [.. command.Skip(1)] };
    }
}
