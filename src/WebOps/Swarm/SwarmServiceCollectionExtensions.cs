using WebOps.Addons.Docker.Swarm.Services;

namespace WebOps.Swarm;

public static class SwarmServiceCollectionExtensions
{
    /// <summary>Swarm deployments: the engine calls, the target check. Nothing calls the engine while <c>Swarm:Enabled</c> is off.</summary>
    public static IServiceCollection AddSwarmDeployments(this IServiceCollection services)
    {
        services.AddSingleton<SwarmServices>();
        services.AddSingleton<SwarmTargetCheck>();
        services.AddSingleton<SwarmDeployer>();
        services.AddSingleton<SwarmHealthCheck>();
        services.AddSingleton<SwarmPruner>();
        services.AddSingleton<SwarmSecretsStore>();

        // First of the runtimes: the first that handles a deployment acts on it, and a swarm deployment is also use_docker.
        services.Insert(0, ServiceDescriptor.Singleton<Core.Runtime.IAppRuntime, SwarmAppRuntime>());
        return services;
    }
}
