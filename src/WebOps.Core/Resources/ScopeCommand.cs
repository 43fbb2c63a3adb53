using System.Globalization;

namespace WebOps.Core.Resources;

/// <summary>
/// Limits for an app run as a plain process: a transient systemd scope (<c>systemd-run --scope</c>) puts the process
/// in its own cgroup with the limits, then execs it in place (same pid, so supervision is unchanged). That needs
/// systemd as PID 1; without it nothing can enforce the limits, and the deploy log says so.
/// </summary>
public static class ScopeCommand
{
    public static readonly IReadOnlyList<string> Candidates = ["/usr/bin/systemd-run", "/bin/systemd-run"];

    /// <summary>The cgroup properties for <paramref name="settings"/>: <c>MemoryMax=</c>, <c>CPUQuota=</c>, ...</summary>
    public static IReadOnlyList<string> Properties(ResourceSettings settings)
    {
        var properties = new List<string>();
        if (settings.MemoryLimitBytes is { } memory)
        {
            properties.Add(Invariant($"MemoryMax={memory}"));

            // As for containers: the limit is what the app gets, not the limit plus swap.
            properties.Add("MemorySwapMax=0");
        }

        if (settings.MemoryReservationBytes is { } reservation)
        {
            properties.Add(Invariant($"MemoryLow={reservation}"));
        }

        if (settings.CpuLimit is { } cpus)
        {
            properties.Add(Invariant($"CPUQuota={cpus * 100:0.##}%"));
        }

        if (settings.PidsLimit is { } pids)
        {
            properties.Add(Invariant($"TasksMax={pids}"));
        }

        return properties;
    }

    /// <summary>The command that runs <paramref name="program"/> inside a scope with the limits.</summary>
    public static IReadOnlyList<string> Wrap(string systemdRun, ResourceSettings settings, string program, IReadOnlyList<string> arguments)
    {
        var command = new List<string> { systemdRun, "--scope", "--quiet", "--collect" };
        foreach (var property in Properties(settings))
        {
            command.AddRange(["-p", property]);
        }

        command.AddRange(["--", program, .. arguments]);
        return command;
    }

    /// <summary>The deploy log's line when the limits cannot be enforced, naming what is set and what would enforce it.</summary>
    public static string NotEnforced(string deployment, ResourceSettings settings, string why) =>
        $"The limits of '{deployment}' ({Describe(settings)}) are not enforced: {why}. Run it with Docker (use_docker) to have them enforced.";

    /// <summary>The deploy log's line when a scope enforces them.</summary>
    public static string Enforced(string deployment, ResourceSettings settings) =>
        $"The limits of '{deployment}' ({Describe(settings)}) are enforced by a systemd scope ({string.Join(", ", Properties(settings))}).";

    /// <summary>The set limits as the user named them, e.g. <c>memory_limit 64 MiB, cpu_limit 0.5</c>.</summary>
    public static string Describe(ResourceSettings settings)
    {
        var parts = new List<string>();
        if (settings.MemoryLimitBytes is { } memory)
        {
            parts.Add($"memory_limit {ByteSize.Describe(memory)}");
        }

        if (settings.MemoryReservationBytes is { } reservation)
        {
            parts.Add($"memory_reservation {ByteSize.Describe(reservation)}");
        }

        if (settings.CpuLimit is { } cpus)
        {
            parts.Add(Invariant($"cpu_limit {cpus}"));
        }

        if (settings.PidsLimit is { } pids)
        {
            parts.Add(Invariant($"pids_limit {pids}"));
        }

        return string.Join(", ", parts);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
