namespace WebOps.Addons.Docker;

/// <summary>Who restarts an app container after a crash or a reboot.</summary>
public enum DockerSupervisor
{
    /// <summary>The Docker engine, through the container's <c>unless-stopped</c> restart policy.</summary>
    Docker,

    /// <summary>A systemd unit that runs <c>docker run --rm ...</c> (rendered from the same container spec).</summary>
    Systemd,
}
