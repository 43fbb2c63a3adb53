using WebOps.Core.Resources;
using WebOps.Core.Systemd;

namespace WebOps.Addons.Process.Systemd;

/// <summary>
/// Runs apps as systemd units (<c>webops-NAME.service</c>) when <c>Deployments:Supervisor</c> is <c>systemd</c>
/// and systemd is PID 1. The unit and its environment file come from <see cref="SystemdUnitRenderer.RenderApp"/>;
/// writing and driving them is <see cref="UnitInstaller"/>'s (shared with the Docker addon).
/// </summary>
public sealed class SystemdHost(SystemdUnitRenderer renderer, UnitInstaller units)
{
    public UnitInstaller Units => units;

    public bool IsPid1() => units.Systemctl.IsPid1();

    public bool IsInstalled(string deployment) => units.IsInstalled(deployment);

    /// <summary>
    /// The unit of a process app and its environment file: the exact texts written to the unit and env folders.
    /// The variables go to the environment file only; the limits and restart policy become unit directives.
    /// </summary>
    public UnitFiles Render(
        string deployment, string program, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        ResourceSettings? resources = null) =>
        renderer.RenderApp(new AppUnitModel
        {
            Name = deployment,
            Command = [program, .. arguments],
            WorkingDirectory = workingDirectory,
            EnvironmentFile = units.EnvFilePath(deployment),
            Environment = environment,
            Resources = resources ?? new ResourceSettings(),
        });

    public Task InstallAndStartAsync(string deployment, UnitFiles files, CancellationToken ct) =>
        units.InstallAndStartAsync(deployment, files, ct);

    public Task StopAsync(string deployment, CancellationToken ct) => units.StopAsync(deployment, ct);

    /// <summary>Disables the unit and deletes it and its environment file.</summary>
    public Task RemoveAsync(string deployment, CancellationToken ct) => units.RemoveAsync(deployment, ct);
}
