using WebOps.Core.Systemd;

namespace WebOps.Addons.Process.Systemd;

/// <summary>
/// Runs apps as systemd units (<c>webops-NAME.service</c>) when <c>Deployments:Supervisor</c> is <c>systemd</c>
/// and systemd is PID 1. The unit text comes from <see cref="SystemdUnitRenderer.RenderAppUnit"/>; writing and
/// driving the unit is <see cref="UnitInstaller"/>'s (shared with the Docker addon).
/// </summary>
public sealed class SystemdHost(SystemdUnitRenderer renderer, UnitInstaller units)
{
    public UnitInstaller Units => units;

    public bool IsPid1() => units.Systemctl.IsPid1();

    public bool IsInstalled(string deployment) => units.IsInstalled(deployment);

    /// <summary>The unit of a process app: the exact text written to the unit folder.</summary>
    public string Render(string deployment, string program, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment) =>
        renderer.RenderAppUnit(new AppUnitModel
        {
            Name = deployment,
            Command = [program, .. arguments],
            WorkingDirectory = workingDirectory,
            Environment = environment,
        });

    public Task InstallAndStartAsync(string deployment, string unitText, CancellationToken ct) =>
        units.InstallAndStartAsync(deployment, unitText, ct);

    public Task StopAsync(string deployment, CancellationToken ct) => units.StopAsync(deployment, ct);

    public Task RemoveAsync(string deployment, CancellationToken ct) => units.RemoveAsync(deployment, ct);
}
