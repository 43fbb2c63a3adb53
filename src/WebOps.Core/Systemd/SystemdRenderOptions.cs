namespace WebOps.Core.Systemd;

/// <summary>Where the unit templates live and which docker binary the units call.</summary>
public sealed record SystemdRenderOptions
{
    /// <summary>Folder holding <c>docker.service</c> and <c>app.service</c>; by default the copy next to the program.</summary>
    public string TemplatesDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "templates", "systemd");

    /// <summary>Absolute path of the docker CLI that the Docker units run.</summary>
    public string DockerPath { get; init; } = "/usr/bin/docker";
}
