using WebOps.Core.Deployments;
using WebOps.Core.Hooks;

namespace WebOps.Core.Releases;

/// <summary>
/// The configuration a release ran with: what a rollback starts its image with and then stores back on the deployment,
/// so the next deploy does not bring newer settings back unasked. Secrets (variables, build arguments) are encrypted at
/// rest with the whole snapshot (WebOps.Data). Repository, branch and Dockerfile settings are not part of it: a
/// rollback builds nothing, and the next deploy builds from the branch as it is configured then.
/// </summary>
public sealed record ReleaseConfig
{
    /// <summary>
    /// What a rollback leaves as it is, said wherever a rollback is offered or confirmed. Limits, restart policy, log
    /// rotation and the container health check size the app to the machine now, not to the code of a release: putting
    /// back an old memory limit could bring back the out-of-memory kills it was raised to stop.
    /// </summary>
    public const string RollbackKeeps =
        "A rollback starts the release's image with the variables, ports, volumes and domains it ran with; "
        + "resource limits, restart policy, log rotation and health check stay as they are now.";

    public Dictionary<string, string> EnvVars { get; init; } = [];

    public Dictionary<string, string> DockerEnvVars { get; init; } = [];

    /// <summary>Kept so the next build after a rollback uses the arguments the restored release was built with.</summary>
    public Dictionary<string, string> DockerBuildArgs { get; init; } = [];

    public List<string> DockerPorts { get; init; } = [];

    public List<string> DockerVolumes { get; init; } = [];

    public NetworkMode DockerNetworkMode { get; init; } = NetworkMode.Bridge;

    public List<string> Domains { get; init; } = [];

    public TlsMode Tls { get; init; } = TlsMode.Auto;

    /// <summary>The port the user set (0: by type).</summary>
    public int Port { get; init; }

    /// <summary>The port the app listened on, as that deploy decided it.</summary>
    public int AppPort { get; init; }

    /// <summary>The project type detection resolved for that release (never Auto).</summary>
    public ProjectType ProjectType { get; init; }

    /// <summary>What <paramref name="d"/> runs with after a deploy that decided <paramref name="appPort"/> for <paramref name="type"/>.</summary>
    public static ReleaseConfig Of(Deployment d, ProjectType type, int appPort) => new()
    {
        EnvVars = new(d.EnvVars),
        DockerEnvVars = new(d.DockerEnvVars),
        DockerBuildArgs = new(d.DockerBuildArgs),
        DockerPorts = [.. d.DockerPorts],
        DockerVolumes = [.. d.DockerVolumes],
        DockerNetworkMode = d.DockerNetworkMode,
        Domains = [.. d.Domains],
        Tls = d.Tls,
        Port = d.Port,
        AppPort = appPort,
        ProjectType = type,
    };

    /// <summary>Stores this configuration on the deployment (after a rollback succeeded).</summary>
    public void ApplyTo(Deployment d)
    {
        d.EnvVars = new(EnvVars);
        d.DockerEnvVars = new(DockerEnvVars);
        d.DockerBuildArgs = new(DockerBuildArgs);
        d.DockerPorts = [.. DockerPorts];
        d.DockerVolumes = [.. DockerVolumes];
        d.DockerNetworkMode = DockerNetworkMode;
        d.Domains = [.. Domains];
        d.Tls = Tls;
        d.Port = Port;
        d.AppPort = AppPort;
    }

    /// <summary>What hooks see during a rollback: the deployment as it will be once this configuration is stored.</summary>
    public DeploymentSnapshot ApplyTo(DeploymentSnapshot s) => s with
    {
        EnvVars = new Dictionary<string, string>(EnvVars),
        DockerEnvVars = new Dictionary<string, string>(DockerEnvVars),
        DockerBuildArgs = new Dictionary<string, string>(DockerBuildArgs),
        DockerPorts = [.. DockerPorts],
        DockerVolumes = [.. DockerVolumes],
        DockerNetworkMode = DockerNetworkMode,
        Domains = [.. Domains],
        Port = AppPort,
        ProjectType = ProjectType,
    };
}
