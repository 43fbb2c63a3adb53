using System.Diagnostics;
using WebOps.Core.Systemd;

namespace WebOps.Addons.Process.Systemd;

/// <summary>
/// Runs apps as systemd units (<c>webops-NAME.service</c>) when <c>Deployments:Supervisor</c> is <c>systemd</c>
/// and systemd is PID 1. The unit text comes from <see cref="SystemdUnitRenderer.RenderAppUnit"/>.
/// </summary>
public sealed class SystemdHost(SystemdUnitRenderer renderer)
{
    public const string UnitFolder = "/etc/systemd/system";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    /// <summary>True when systemd runs as PID 1 here (otherwise systemctl cannot manage units).</summary>
    public static bool IsPid1()
    {
        try
        {
            return File.ReadAllText("/proc/1/comm").Trim() == "systemd";
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static string UnitName(string deployment) => $"webops-{deployment}.service";

    /// <summary>The unit of a process app: the exact text written to <see cref="UnitFolder"/>.</summary>
    public string Render(string deployment, string program, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment) =>
        renderer.RenderAppUnit(new AppUnitModel
        {
            Name = deployment,
            Command = [program, .. arguments],
            WorkingDirectory = workingDirectory,
            Environment = environment,
        });

    /// <summary>Writes the unit (mode 0600: it holds the app's variables), reloads systemd and starts the unit.</summary>
    public static async Task InstallAndStartAsync(string deployment, string unitText, CancellationToken ct)
    {
        var path = Path.Combine(UnitFolder, UnitName(deployment));
        await File.WriteAllTextAsync(path, unitText, ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        await SystemctlAsync(ct, "daemon-reload");
        await SystemctlAsync(ct, "enable", "--now", UnitName(deployment));
        await SystemctlAsync(ct, "restart", UnitName(deployment));
    }

    public static Task StopAsync(string deployment, CancellationToken ct) => SystemctlAsync(ct, "stop", UnitName(deployment));

    public static Task StartAsync(string deployment, CancellationToken ct) => SystemctlAsync(ct, "start", UnitName(deployment));

    public static Task RestartAsync(string deployment, CancellationToken ct) => SystemctlAsync(ct, "restart", UnitName(deployment));

    public static async Task RemoveAsync(string deployment, CancellationToken ct)
    {
        await SystemctlAsync(ct, "disable", "--now", UnitName(deployment));
        File.Delete(Path.Combine(UnitFolder, UnitName(deployment)));
        await SystemctlAsync(ct, "daemon-reload");
    }

    /// <summary>The unit's main pid, or 0 when it is not running.</summary>
    public static async Task<int> MainPidAsync(string deployment, CancellationToken ct)
    {
        var output = await SystemctlAsync(ct, "show", "--property=MainPID", "--value", UnitName(deployment));
        return int.TryParse(output.Trim(), out var pid) ? pid : 0;
    }

    private static async Task<string> SystemctlAsync(CancellationToken ct, params string[] arguments)
    {
        var start = new ProcessStartInfo("systemctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)
            ?? throw new InvalidOperationException("Could not start systemctl. Is systemd installed?");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(CommandTimeout);
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"systemctl {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {(await error).Trim()}. "
                + "See journalctl -u for the unit.");
        }

        return await output;
    }
}
