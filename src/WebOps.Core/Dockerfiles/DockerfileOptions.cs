namespace WebOps.Core.Dockerfiles;

/// <summary>Base images and port for generated Dockerfiles; the images are settings so tests can point them at local images.</summary>
public sealed record DockerfileOptions
{
    public string PythonBaseImage { get; init; } = "python:3.12-slim";

    public string StaticBaseImage { get; init; } = "nginx:alpine";

    /// <summary>The port the app listens on inside the container.</summary>
    public int Port { get; init; } = 8000;
}
