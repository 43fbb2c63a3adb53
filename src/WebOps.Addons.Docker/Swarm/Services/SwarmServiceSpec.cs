using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;
using WebOps.Core.Hooks;
using WebOps.Core.Validation;
using ContainerSpec = WebOps.Addons.Docker.Spec.ContainerSpec;

namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>
/// The Swarm service of a swarm deployment, as plain data. Environment, limits and health check come from the same
/// <see cref="ContainerSpec"/> a local deploy runs, so both targets read the deployment alike. The endpoint is
/// <c>dnsrr</c> with the app's port published in host mode and no fixed published port: the routing mesh needs IPVS,
/// which not every kernel has, and with no fixed port each task gets its own, so a start-first update can start the
/// new task beside the old one on the same node. The edge proxy routes to every task's node address and port.
/// Volumes are the deployment's own: a named volume is created on each node a task runs on (one per node, not shared
/// between nodes); a host folder is only accepted with a placement that pins the tasks to one node.
/// </summary>
public static class SwarmServiceSpec
{
    /// <summary>How long a new task must stay healthy before the update moves on (and before Swarm calls it failed).</summary>
    public static readonly TimeSpan Monitor = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The service spec. Each of <paramref name="secrets"/> is mounted at <c>/run/secrets/{Key}</c> (mode 0444, so an
    /// app running as any user reads it) and takes its variable's place in the environment as <c>{Key}_FILE</c>;
    /// <paramref name="command"/> (<see cref="SwarmSecretEnvScript.Command"/>) then puts the values back into the
    /// environment inside the task. Null runs the image's own entrypoint and command.
    /// </summary>
    public static ServiceSpec For(
        DeploymentSnapshot deployment, string imageRef, ulong forceUpdate = 0, IReadOnlyList<SwarmSecretMount>? secrets = null, IList<string>? command = null)
    {
        var container = ContainerSpec.For(deployment, imageRef, hostPort: null, bindAddress: "127.0.0.1", deployment.DeployRunId).ToCreateParameters();
        secrets ??= [];
        var host = container.HostConfig ?? new HostConfig();
        var labels = new Dictionary<string, string> { [Labels.Managed] = "true", [Labels.Deployment] = deployment.Name };
        return new ServiceSpec
        {
            Name = deployment.ServiceName,
            Labels = labels,
            TaskTemplate = new TaskSpec
            {
                ContainerSpec = new global::Docker.DotNet.Models.ContainerSpec
                {
                    Image = imageRef,
                    Command = command,
                    Labels = new Dictionary<string, string>(labels),
                    Env = ServiceEnv(container.Env, secrets),
                    Secrets = [.. secrets.Select(s => new SecretReference
                    {
                        SecretID = s.Id,
                        SecretName = s.Name,
                        File = new SecretReferenceFileTarget { Name = s.Key, UID = "0", GID = "0", Mode = ReadableByAll },
                    })],
                    Mounts = [.. deployment.DockerVolumes.Select(VolumeSpec.Parse).Select(v => new Mount
                    {
                        Type = v.IsNamedVolume ? "volume" : "bind",
                        Source = v.HostPathOrName,
                        Target = v.ContainerPath,
                        ReadOnly = v.ReadOnly,
                    })],
                    Healthcheck = container.Healthcheck,
                    StopGracePeriod = TimeSpan.FromSeconds(10),
                },
                Resources = new ResourceRequirements
                {
                    Limits = new SwarmLimit { MemoryBytes = host.Memory > 0 ? host.Memory : null, NanoCPUs = host.NanoCPUs > 0 ? host.NanoCPUs : null, Pids = host.PidsLimit },
                    Reservations = new SwarmResources { MemoryBytes = host.MemoryReservation > 0 ? host.MemoryReservation : null },
                },
                RestartPolicy = new SwarmRestartPolicy { Condition = "any", Delay = TimeSpan.FromSeconds(2) },
                Placement = new Placement
                {
                    Constraints = [.. deployment.Placement.Select(Compact)],
                    Preferences = [new PlacementPreference { Spread = new SpreadOver { SpreadDescriptor = "node.id" } }],
                },
                LogDriver = host.LogConfig is { } logs ? new SwarmDriver { Name = logs.Type, Options = logs.Config } : null,
                ForceUpdate = forceUpdate,
            },
            Mode = new ServiceMode { Replicated = new ReplicatedService { Replicas = (ulong)deployment.Replicas } },
            UpdateConfig = Rollout("rollback"),
            RollbackConfig = Rollout("pause"),
            EndpointSpec = new EndpointSpec
            {
                Mode = "dnsrr",
                Ports = [new PortConfig { Protocol = "tcp", TargetPort = (uint)deployment.Port, PublishMode = "host" }],
            },
        };
    }

    /// <summary>0444: the app may run as any user.</summary>
    private const uint ReadableByAll = 0x124;

    /// <summary>The container's variables, each secret one replaced by <c>{Key}_FILE=/run/secrets/{Key}</c>, sorted by key.</summary>
    private static List<string> ServiceEnv(IList<string>? env, IReadOnlyList<SwarmSecretMount> secrets)
    {
        var hidden = secrets.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var plain = (env ?? []).Where(line => !hidden.Contains(line.Split('=', 2)[0])).ToList();
        var given = (env ?? []).Select(line => line.Split('=', 2)[0]).ToHashSet(StringComparer.Ordinal);

        // A variable of the deployment named KEY_FILE keeps its name (as a secret of its own): KEY gets no pointer then.
        var files = secrets.Where(s => !given.Contains(s.Key + "_FILE")).Select(s => $"{s.Key}_FILE=/run/secrets/{s.Key}");
        return [.. plain.Concat(files).OrderBy(line => line.Split('=', 2)[0], StringComparer.Ordinal)];
    }

    /// <summary>One task at a time, the new one started before the old one stops, watched for <see cref="Monitor"/>.</summary>
    private static SwarmUpdateConfig Rollout(string onFailure) => new()
    {
        Parallelism = 1,
        Order = "start-first",
        FailureAction = onFailure,
        Monitor = Monitor,
        MaxFailureRatio = 0,
    };

    /// <summary><c>node.hostname != x</c> as Swarm prints it (<c>node.hostname!=x</c>); both forms mean the same.</summary>
    private static string Compact(string constraint) => string.Concat(constraint.Where(c => !char.IsWhiteSpace(c)));
}
