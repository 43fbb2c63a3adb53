using WebOps.Addons.Docker.Engine;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Resources;
using WebOps.Core.Validation;

namespace WebOps.Addons.Docker.Spec;

/// <summary>
/// Everything that defines an app's container, as data. Two projections of the same spec: the Engine API's create
/// parameters (how the addon runs it) and a <c>docker run</c> argument list (how a systemd unit runs it).
/// </summary>
public sealed partial record ContainerSpec
{
    public const string RestartUnlessStopped = "unless-stopped";

    public required string Name { get; init; }

    public required string Image { get; init; }

    /// <summary>The run's labels (<see cref="Engine.Labels.ForRun"/>), in their fixed order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; }

    /// <summary><c>KEY=VALUE</c>, sorted by key.</summary>
    public required IReadOnlyList<string> Env { get; init; }

    /// <summary>Docker bind strings, e.g. <c>/srv/x:/data:ro</c> or <c>cache:/cache:rw</c>.</summary>
    public required IReadOnlyList<string> Binds { get; init; }

    /// <summary>The app port first, then the deployment's extra ports. Empty for host and none networks.</summary>
    public required IReadOnlyList<PortPublish> Ports { get; init; }

    /// <summary><c>bridge</c>, <c>host</c> or <c>none</c>.</summary>
    public required string NetworkMode { get; init; }

    public string RestartPolicy { get; init; } = RestartUnlessStopped;

    /// <summary>An init process as PID 1 forwards signals and reaps zombies (busybox as PID 1 ignores SIGTERM).</summary>
    public bool Init { get; init; } = true;

    /// <summary>Memory, CPU and pids limits, log rotation and the HTTP health check (<see cref="ResourceProjection"/>).</summary>
    public ResourceSettings Resources { get; init; } = new();

    /// <summary>The address the health check asks from inside the container (the app's own port).</summary>
    public string? HealthUrl { get; init; }

    /// <summary>Things worth telling the user about how the spec was made (e.g. ports dropped for host networking).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public static ContainerSpec For(DeploymentSnapshot deployment, string imageRef, int? hostPort, string bindAddress, int? deployRunId)
    {
        var network = deployment.DockerNetworkMode.ToString().ToLowerInvariant();
        var (ports, notes) = PublishedPorts(deployment, hostPort, bindAddress, network);
        return new ContainerSpec
        {
            Name = deployment.ContainerName,
            Image = imageRef,
            Labels = [.. Engine.Labels.ForRun(deployment.Name, deployRunId), .. OomKill.Labels(deployment.Resources)],
            Env = MergedEnv(deployment),
            Binds = [.. deployment.DockerVolumes.Select(v => VolumeSpec.Parse(v).ToBind())],
            Ports = ports,
            NetworkMode = network,
            RestartPolicy = deployment.Resources.EffectiveRestartPolicy,
            Resources = deployment.Resources,
            HealthUrl = deployment.Resources.HealthCheck?.Url(deployment.Port),
            Notes = notes,
        };
    }

    /// <summary>env_vars, then docker_env_vars on top (they win), sorted by key so the output is stable.</summary>
    private static List<string> MergedEnv(DeploymentSnapshot deployment)
    {
        var merged = new Dictionary<string, string>(deployment.EnvVars, StringComparer.Ordinal);
        foreach (var (key, value) in deployment.DockerEnvVars)
        {
            merged[key] = value;
        }

        return [.. merged.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}")];
    }

    private static (List<PortPublish> Ports, List<string> Notes) PublishedPorts(
        DeploymentSnapshot deployment, int? hostPort, string bindAddress, string network)
    {
        if (deployment.DockerNetworkMode != Core.Deployments.NetworkMode.Bridge)
        {
            var why = deployment.DockerNetworkMode == Core.Deployments.NetworkMode.Host
                ? $"the app listens on the host's network directly (port {deployment.Port})"
                : "the container has no network";
            return ([], [$"Network mode {network}: no ports are published; {why}."]);
        }

        var ports = new List<PortPublish> { new(bindAddress, hostPort, deployment.Port, "tcp") };
        foreach (var text in deployment.DockerPorts)
        {
            // Extra ports without an address stay on the bind address: exposing on all interfaces must be asked for.
            var port = PortSpec.Parse(text);
            ports.Add(new PortPublish(port.HostIp ?? bindAddress, port.HostPort, port.ContainerPort, port.Protocol));
        }

        return (ports, []);
    }
}
