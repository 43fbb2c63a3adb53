using WebOps.Addons.Docker.Spec;
using WebOps.Core.Hooks;
using WebOps.Core.Llm;
using WebOps.Core.Resources;
using WebOps.Core.Validation;

namespace WebOps.Addons.Docker.Llm;

/// <summary>
/// The vLLM container of an <c>llm</c> deployment, as data. Two projections of the same spec: the Engine API's create
/// parameters (how the addon runs it) and a <c>docker run</c> argument list (how an operator or a unit would).
/// </summary>
public sealed partial record VllmSpec
{
    /// <summary>
    /// vLLM's worker processes exchange tensors through shared memory, and Docker's default /dev/shm is 64 MB. The
    /// size needed grows with the model and the tensor-parallel size, so instead of guessing a <c>--shm-size</c> the
    /// container shares the host's IPC namespace, as vLLM's own docs recommend.
    /// </summary>
    public const string IpcHost = "host";

    public const string GpuDriver = "nvidia";

    public required string Name { get; init; }

    public required string Image { get; init; }

    /// <summary>The arguments after the image: the vLLM server's flags (the image's entrypoint is the server).</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>The run's labels (<see cref="Engine.Labels.ForRun"/>), in their fixed order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; }

    /// <summary><c>KEY=VALUE</c>, sorted by key.</summary>
    public required IReadOnlyList<string> Env { get; init; }

    /// <summary>The model cache first, then the deployment's own volumes.</summary>
    public required IReadOnlyList<string> Binds { get; init; }

    /// <summary>The API port, published on the bind address and the deployment's host port.</summary>
    public required PortPublish Port { get; init; }

    public required GpuSelection Gpus { get; init; }

    public string RestartPolicy { get; init; } = ContainerSpec.RestartUnlessStopped;

    /// <summary>Memory, CPU and pids limits, log rotation and the HTTP health check (<see cref="ResourceProjection"/>).</summary>
    public ResourceSettings Resources { get; init; } = new();

    /// <summary>The address the health check asks from inside the container (the API port).</summary>
    public string? HealthUrl { get; init; }

    public static VllmSpec For(
        DeploymentSnapshot deployment, LlmSettings settings, string image, int? hostPort, string bindAddress, int? deployRunId)
    {
        return new VllmSpec
        {
            Name = deployment.ContainerName,
            Image = image,
            Command = VllmCommand.Args(settings, deployment.Port),
            Labels = [.. Engine.Labels.ForRun(deployment.Name, deployRunId), .. OomKill.Labels(deployment.Resources)],
            Env = Environment(deployment, settings),
            Binds = [$"{settings.CacheVolume}:{LlmSettings.CacheMountPath}", .. deployment.DockerVolumes.Select(v => VolumeSpec.Parse(v).ToBind())],
            Port = new PortPublish(bindAddress, hostPort, deployment.Port, "tcp"),
            Gpus = settings.Gpus,
            RestartPolicy = deployment.Resources.EffectiveRestartPolicy,
            Resources = deployment.Resources,
            HealthUrl = deployment.Resources.HealthCheck?.Url(deployment.Port),
        };
    }

    /// <summary>
    /// env_vars, then docker_env_vars, then the Hugging Face token under both names vLLM's libraries read (older
    /// huggingface_hub releases know only HUGGING_FACE_HUB_TOKEN); sorted by key so the output is stable.
    /// </summary>
    private static List<string> Environment(DeploymentSnapshot deployment, LlmSettings settings)
    {
        var merged = new Dictionary<string, string>(deployment.EnvVars, StringComparer.Ordinal);
        foreach (var (key, value) in deployment.DockerEnvVars)
        {
            merged[key] = value;
        }

        if (settings.HfToken is { } token)
        {
            merged["HF_TOKEN"] = token;
            merged["HUGGING_FACE_HUB_TOKEN"] = token;
        }

        return [.. merged.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}")];
    }
}
