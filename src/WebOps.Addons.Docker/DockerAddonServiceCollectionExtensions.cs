using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WebOps.Addons.Docker.Build;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Hooks;
using WebOps.Addons.Docker.Runtime;
using WebOps.Addons.Docker.Systemd;
using WebOps.Core.Addons;
using WebOps.Core.Hooks;
using WebOps.Core.Releases;
using WebOps.Core.Runtime;
using WebOps.Core.Systemd;

namespace WebOps.Addons.Docker;

public static class DockerAddonServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Docker addon: its settings (section <c>Docker</c>), the engine adapter, the hook handlers named
    /// in addons/docker/addon.yaml, the runtime that starts and stops Docker apps (through systemd units with
    /// <c>Docker:Supervisor=systemd</c>), the container events the health monitor follows, and the <c>docker</c>
    /// requirement.
    /// </summary>
    public static IServiceCollection AddDockerAddon(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DockerOptions>()
            .Bind(configuration.GetSection(DockerOptions.SectionName))
            .Validate(o => o.KeepImages >= 1, "Docker:KeepImages must be 1 or more (the current and the previous release always keep their images).")
            .Validate(o => o.BuildTimeout > TimeSpan.Zero, "Docker:BuildTimeout must be positive, e.g. 00:10:00.")
            .Validate(o => o.StartTimeout > TimeSpan.Zero, "Docker:StartTimeout must be positive, e.g. 00:01:30.")
            .Validate(
                o => System.Net.IPAddress.TryParse(o.BindAddress, out _),
                "Docker:BindAddress must be an IP address, e.g. 127.0.0.1 (loopback) or 0.0.0.0 (all interfaces).");
        services.AddOptions<Swarm.SwarmOptions>().Bind(configuration.GetSection(Swarm.SwarmOptions.SectionName));
        services.AddOptions<Swarm.RegistryOptions>().Bind(configuration.GetSection(Swarm.RegistryOptions.SectionName));
        services.AddSystemdUnits(configuration);
        services.TryAddSingleton(_ => new SystemdUnitRenderer());
        services.AddSingleton<DockerUnits>();
        services.AddSingleton<DockerEngine>();
        services.AddSingleton<Swarm.Cluster.SwarmCluster>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ContainerStates>();
        services.AddSingleton<ImageBuilder>();
        services.AddSingleton<ContainerSwap>();
        services.AddSingleton<ReleaseBeside>();
        services.AddHostedService<InterruptedReleases>();
        services.AddSingleton<ImagePruner>();
        services.AddSingleton<IReleaseImages, DockerReleaseImages>();
        services.AddSingleton<IHookHandler, DockerPrepareHandler>();
        services.AddSingleton<IHookHandler, DockerBuildAndRunHandler>();
        services.AddSingleton<IHookHandler, DockerHealthHandler>();
        services.AddSingleton(_ => new Compose.ComposeWorkspace(Core.DataFolder.Resolve(configuration)));
        services.AddSingleton<Compose.ComposeCliLocator>();
        services.AddSingleton<Compose.ComposeProcess>();
        services.AddSingleton<Compose.ComposeStates>();
        services.AddSingleton<Compose.ComposeSteps>();
        services.AddSingleton<Compose.ComposeBeside>();
        services.AddSingleton<Compose.ComposeDeployer>();
        services.AddSingleton<Compose.ComposeAppRuntime>();

        // Before the single-container runtime: the first runtime that handles a deployment acts on it.
        services.AddSingleton<IAppRuntime>(sp => sp.GetRequiredService<Compose.ComposeAppRuntime>());
        services.AddSingleton<IAppRuntime, DockerAppRuntime>();
        services.AddSingleton<IRuntimeEventSource, DockerEventSource>();
        services.AddSingleton<IRequirementCheck, DockerRequirementCheck>();
        return services;
    }
}
