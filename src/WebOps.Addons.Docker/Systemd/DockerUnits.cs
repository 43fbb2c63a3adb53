using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebOps.Addons.Docker.Spec;
using WebOps.Core.Systemd;

namespace WebOps.Addons.Docker.Systemd;

/// <summary>
/// The systemd side of <c>Docker:Supervisor=systemd</c>: whether units are used on this host, and the unit of each
/// Docker deployment (<c>webops-NAME.service</c>, rendered from the same <see cref="ContainerSpec"/> as the container).
/// </summary>
public sealed class DockerUnits(
    IOptions<DockerOptions> options, UnitInstaller units, SystemdUnitRenderer renderer, ILogger<DockerUnits> logger)
{
    private readonly Lazy<bool> _enabled = new(() => Decide(options.Value, units, logger));

    /// <summary>True when systemd supervises Docker apps: asked for, and systemd is PID 1 (warned once otherwise).</summary>
    public bool Enabled => _enabled.Value;

    public UnitInstaller Units => units;

    /// <summary>True when systemd supervises this deployment's container now (its unit was installed by a deploy).</summary>
    public bool Supervises(string deployment) => Enabled && units.IsInstalled(deployment);

    /// <summary>The unit text for the spec and its env file: the exact files written to the unit and env folders.</summary>
    public UnitFiles Render(string deployment, ContainerSpec spec) =>
        renderer.RenderDocker(spec.ToSystemdUnitModel(deployment, units.EnvFilePath(deployment)));

    /// <summary>
    /// Why the unit of this spec cannot be written (a variable Docker's env-file format cannot carry), or null. Asked
    /// before the running container is replaced, so such a deploy fails without touching the app.
    /// </summary>
    public string? Refusal(string deployment, ContainerSpec spec)
    {
        try
        {
            Render(deployment, spec);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"The systemd unit {UnitInstaller.UnitName(deployment)} cannot be written, so the running app was left as it is: {e.Message}";
        }
    }

    /// <summary>
    /// Writes the env file (mode 0600) and the unit, reloads systemd, enables and (re)starts the unit so a redeploy
    /// runs the new image.
    /// </summary>
    public Task InstallAndStartAsync(string deployment, ContainerSpec spec, CancellationToken ct) =>
        units.InstallAndStartAsync(deployment, Render(deployment, spec), ct);

    private static bool Decide(DockerOptions settings, UnitInstaller units, ILogger logger)
    {
        if (settings.Supervisor != DockerSupervisor.Systemd)
        {
            return false;
        }

        if (units.Systemctl.IsPid1())
        {
            return true;
        }

        logger.LogWarning(
            "Docker:Supervisor is systemd but systemd is not PID 1 here; containers keep Docker's unless-stopped restart policy instead.");
        return false;
    }
}
