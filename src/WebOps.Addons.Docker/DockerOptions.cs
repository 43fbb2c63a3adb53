namespace WebOps.Addons.Docker;

/// <summary>Settings of the Docker addon, bound from the configuration section <c>Docker</c>.</summary>
public sealed class DockerOptions
{
    public const string SectionName = "Docker";

    public const string DefaultEndpoint = "unix:///var/run/docker.sock";

    /// <summary>The Docker engine address; defaults to <c>DOCKER_HOST</c>, else the local socket.</summary>
    public string Endpoint { get; set; } = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host
        ? host
        : DefaultEndpoint;

    /// <summary>How long one image build may take.</summary>
    public TimeSpan BuildTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a new container has to accept connections on its published port.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Releases whose images are kept for each deployment (for rollback); older images are removed. The current
    /// and the previous release keep theirs whatever this says.</summary>
    public int KeepImages { get; set; } = 5;

    /// <summary>Base image of generated Dockerfiles for Python projects.</summary>
    public string PythonBaseImage { get; set; } = "python:3.12-slim";

    /// <summary>Base image of generated Dockerfiles for static sites.</summary>
    public string StaticBaseImage { get; set; } = "nginx:alpine";

    /// <summary>Host paths that volumes may not mount, besides the built-in list of the validator.</summary>
    public List<string> DeniedHostPaths { get; set; } = [];

    public DockerSupervisor Supervisor { get; set; } = DockerSupervisor.Docker;

    /// <summary>The host address app ports are published on; loopback keeps apps behind the panel's proxy.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";
}
