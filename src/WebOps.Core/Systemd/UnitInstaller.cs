using Microsoft.Extensions.Options;

namespace WebOps.Core.Systemd;

/// <summary>Installs, drives and removes the <c>webops-NAME.service</c> unit of a deployment.</summary>
public sealed class UnitInstaller(SystemctlClient systemctl, IOptions<SystemdOptions> options)
{
    public static string UnitName(string deployment) => $"webops-{deployment}.service";

    public SystemctlClient Systemctl => systemctl;

    public string UnitPath(string deployment) => Path.Combine(options.Value.UnitFolder, UnitName(deployment));

    public bool IsInstalled(string deployment) => File.Exists(UnitPath(deployment));

    /// <summary>
    /// Writes the unit (mode 0600: it holds the app's variables), reloads systemd, enables and starts it, and
    /// restarts it so a unit that already ran picks up the new text.
    /// </summary>
    public async Task InstallAndStartAsync(string deployment, string unitText, CancellationToken ct)
    {
        var path = UnitPath(deployment);
        await File.WriteAllTextAsync(path, unitText, ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await systemctl.RunAsync(["daemon-reload"], ct);
        await systemctl.RunAsync(["enable", "--now", UnitName(deployment)], ct);
        await systemctl.RunAsync(["restart", UnitName(deployment)], ct);
    }

    public Task StartAsync(string deployment, CancellationToken ct) => systemctl.RunAsync(["start", UnitName(deployment)], ct);

    public Task StopAsync(string deployment, CancellationToken ct) => systemctl.RunAsync(["stop", UnitName(deployment)], ct);

    public Task RestartAsync(string deployment, CancellationToken ct) => systemctl.RunAsync(["restart", UnitName(deployment)], ct);

    /// <summary>Disables and stops the unit, deletes its file and reloads systemd.</summary>
    public async Task RemoveAsync(string deployment, CancellationToken ct)
    {
        await systemctl.RunAsync(["disable", "--now", UnitName(deployment)], ct);
        File.Delete(UnitPath(deployment));
        await systemctl.RunAsync(["daemon-reload"], ct);
    }

    /// <summary>The unit's main pid, or 0 when it is not running.</summary>
    public async Task<int> MainPidAsync(string deployment, CancellationToken ct)
    {
        var output = await systemctl.RunAsync(["show", "--property=MainPID", "--value", UnitName(deployment)], ct);
        return int.TryParse(output.Trim(), out var pid) ? pid : 0;
    }
}
