namespace WebOps.Core.Dockerfiles;

/// <summary>Base images and port for generated Dockerfiles; the images are settings so tests can point them at local images.</summary>
public sealed record DockerfileOptions
{
    public string PythonBaseImage { get; init; } = "python:3.12-slim";

    public string StaticBaseImage { get; init; } = "nginx:alpine";

    /// <summary>Django: run <c>manage.py migrate --noinput</c> each time the container starts, before gunicorn, when
    /// the settings set up a database.</summary>
    public bool RunMigrations { get; init; } = true;

    /// <summary>The port the app listens on inside the container.</summary>
    public int Port { get; init; } = 8000;
}
