using Microsoft.Extensions.Options;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Swarm;
using WebOps.Addons.Docker.Swarm.Services;
using WebOps.Core.Deployments;
using WebOps.Core.Validation;

namespace WebOps.Swarm;

/// <summary>
/// Refuses <c>target=swarm</c> where it cannot work, as field errors on <c>target</c>: Swarm off on this panel, no
/// registry every node can pull from, an engine that is not a Swarm manager, or an app that is not one Docker image;
/// and, on <c>docker_volumes</c>, a host folder while no placement pins the tasks to the one node that has it.
/// Domains are welcome: the edge routes them to the service's running tasks. The rest of the input was validated already; the stored values count where the input leaves a field out.
/// </summary>
public sealed class SwarmTargetCheck(IOptions<SwarmOptions> swarm, IOptions<RegistryOptions> registry, SwarmServices services)
{
    public async Task<IReadOnlyList<FieldError>> CheckAsync(DeploymentInput input, Deployment? stored, CancellationToken ct)
    {
        var target = input.Target ?? (stored?.Target == DeployTarget.Swarm ? "swarm" : "local");
        if (target != "swarm")
        {
            return [];
        }

        if (!swarm.Value.Enabled)
        {
            return [new FieldError("target", "is 'swarm', but Swarm is off on this panel; set Swarm:Enabled=true and join the server to a cluster, or use 'local'")];
        }

        if (Static(input, stored, registry.Value.Address) is { } refused)
        {
            return [refused];
        }

        try
        {
            return await services.IsManagerAsync(ct)
                ? []
                : [new FieldError("target", "is 'swarm', but this panel's Docker engine is not a Swarm manager; initialise a cluster or join this server as a manager (Servers page), or use 'local'")];
        }
        catch (DockerUnavailableException e)
        {
            return [new FieldError("target", $"is 'swarm', but the Docker engine cannot be asked whether it is a Swarm manager: {e.Message}")];
        }
    }

    /// <summary>The checks that need no engine: a registry address and an app that is one Docker image.</summary>
    public static FieldError? Static(DeploymentInput input, Deployment? stored, string registryAddress)
    {
        if (string.IsNullOrWhiteSpace(registryAddress))
        {
            return new FieldError("target", "is 'swarm', but no registry is set; set Registry:Address to a registry every node can pull from, e.g. 10.0.0.1:5000, so every node can pull the app's image");
        }

        var useDocker = input.UseDocker ?? stored?.UseDocker ?? false;
        var type = input.ProjectType ?? (stored is null ? "auto" : stored.ProjectType.ToString().ToLowerInvariant());
        var compose = input.DockerComposePath is { } path ? path.Trim().Length > 0 : stored?.DockerComposePath is not null;
        if (!useDocker)
        {
            return new FieldError("target", "is 'swarm', which runs the app as a Docker image on the cluster; turn on use_docker, or use 'local' to run it as a process");
        }

        if (type is "compose" or "llm" || compose)
        {
            return new FieldError("target", $"is 'swarm', which runs one Docker image; a {(type == "llm" ? "LLM" : "Compose")} deployment runs on this server only, so use 'local'");
        }

        var placement = input.Placement ?? stored?.Placement ?? [];
        var hostFolder = (input.DockerVolumes ?? stored?.DockerVolumes ?? [])
            .Select(v => VolumeSpec.TryParse(v, out var spec, out _) ? spec : null)
            .FirstOrDefault(v => v is { IsNamedVolume: false });
        return hostFolder is null || placement.Any(PinsOneNode)
            ? null
            : new FieldError("docker_volumes", $"has the host folder {hostFolder.HostPathOrName}, which exists only on the server it is on, while the tasks of a swarm deployment may run on any node; use a named volume (e.g. app-data:{hostFolder.ContainerPath}), or pin the deployment to one node with a placement such as node.hostname==NAME");
    }

    /// <summary>A constraint that names one node, so a host folder on that node is always the one the task mounts.</summary>
    public static bool PinsOneNode(string constraint)
    {
        var parts = constraint.Split("==", 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && parts[0] is "node.hostname" or "node.id" && parts[1].Length > 0;
    }
}
