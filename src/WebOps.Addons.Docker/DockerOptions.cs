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

    /// <summary>Generated Django Dockerfiles run <c>manage.py migrate --noinput</c> as the container starts, before
    /// gunicorn, when the settings set up a database.</summary>
    public bool RunMigrations { get; set; } = true;

    /// <summary>Host paths that volumes may not mount, besides the built-in list of the validator.</summary>
    public List<string> DeniedHostPaths { get; set; } = [];

    public DockerSupervisor Supervisor { get; set; } = DockerSupervisor.Docker;

    /// <summary>The host address app ports are published on; loopback keeps apps behind the panel's proxy.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    // Compose files: each key is refused unless allowed here (see WebOps.Core.Compose.ComposeValidator).

    /// <summary>Lets compose files publish host ports themselves (normally the panel publishes the public service on loopback).</summary>
    public bool AllowComposePorts { get; set; }

    /// <summary>Lets compose services run with <c>privileged: true</c>.</summary>
    public bool AllowComposePrivileged { get; set; }

    /// <summary>Lets compose services use <c>pid: host</c> and <c>network_mode: host</c>.</summary>
    public bool AllowComposeHostNamespaces { get; set; }

    /// <summary>Lets compose services add the ALL or SYS_ADMIN capabilities.</summary>
    public bool AllowComposeCapabilities { get; set; }

    /// <summary>Lets compose services map host devices.</summary>
    public bool AllowComposeDevices { get; set; }

    public Core.Compose.ComposePolicy ComposePolicy() => new()
    {
        AllowPorts = AllowComposePorts,
        AllowPrivileged = AllowComposePrivileged,
        AllowHostNamespaces = AllowComposeHostNamespaces,
        AllowCapabilities = AllowComposeCapabilities,
        AllowDevices = AllowComposeDevices,
        DeniedHostPaths = DeniedHostPaths,
    };
}
