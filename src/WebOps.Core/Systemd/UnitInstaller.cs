using Microsoft.Extensions.Options;

namespace WebOps.Core.Systemd;

/// <summary>Installs, drives and removes the <c>webops-NAME.service</c> unit of a deployment and its environment file.</summary>
public sealed class UnitInstaller(SystemctlClient systemctl, IOptions<SystemdOptions> options)
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static string UnitName(string deployment) => $"webops-{deployment}.service";

    public SystemctlClient Systemctl => systemctl;

    public string UnitPath(string deployment) => Path.Combine(options.Value.UnitFolder, UnitName(deployment));

    /// <summary>Where the unit's environment file lives; the rendered unit points at this path.</summary>
    public string EnvFilePath(string deployment) => options.Value.EnvFilePath(deployment);

    public bool IsInstalled(string deployment) => File.Exists(UnitPath(deployment));

    /// <summary>
    /// Writes the environment file (mode 0600: it holds the app's variables) and then the unit (mode 0644: it holds
    /// none), each atomically, reloads systemd, enables and starts the unit, clears its failed state and start count,
    /// and restarts it so a unit that already ran picks up the new text.
    /// </summary>
    public async Task InstallAndStartAsync(string deployment, UnitFiles files, CancellationToken ct)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("systemd units are installed on Linux only.");
        }

        // Created owner-only when missing; an existing folder keeps the mode its owner gave it.
        Directory.CreateDirectory(options.Value.EnvFolder, OwnerOnlyFolder);
        await AtomicFile.WriteAsync(EnvFilePath(deployment), files.Environment, AtomicFile.OwnerOnly, ct);
        await AtomicFile.WriteAsync(UnitPath(deployment), files.Unit, AtomicFile.WorldReadable, ct);

        await systemctl.RunAsync(["daemon-reload"], ct);
        await systemctl.RunAsync(["enable", "--now", UnitName(deployment)], ct);

        // systemd refuses to start a unit that hit its start limit (restart_policy on-failure:N gives up that way)
        // until the window passes; a deploy starts afresh, and the count starts at this restart.
        await systemctl.RunAsync(["reset-failed", UnitName(deployment)], ct);
        await systemctl.RunAsync(["restart", UnitName(deployment)], ct);
    }

    public Task StartAsync(string deployment, CancellationToken ct) => systemctl.RunAsync(["start", UnitName(deployment)], ct);

    public Task StopAsync(string deployment, CancellationToken ct) => systemctl.RunAsync(["stop", UnitName(deployment)], ct);

    public Task RestartAsync(string deployment, CancellationToken ct) => systemctl.RunAsync(["restart", UnitName(deployment)], ct);

    /// <summary>Disables and stops the unit, deletes its file and its environment file, and reloads systemd.</summary>
    public async Task RemoveAsync(string deployment, CancellationToken ct)
    {
        await systemctl.RunAsync(["disable", "--now", UnitName(deployment)], ct);
        File.Delete(UnitPath(deployment));
        File.Delete(EnvFilePath(deployment));
        await systemctl.RunAsync(["daemon-reload"], ct);
    }

    /// <summary>The unit's main pid, or 0 when it is not running.</summary>
    public async Task<int> MainPidAsync(string deployment, CancellationToken ct)
    {
        var output = await systemctl.RunAsync(["show", "--property=MainPID", "--value", UnitName(deployment)], ct);
        return int.TryParse(output.Trim(), out var pid) ? pid : 0;
    }
}
