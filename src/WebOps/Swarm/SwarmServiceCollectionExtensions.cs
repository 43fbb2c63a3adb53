using WebOps.Addons.Docker.Swarm.Services;

namespace WebOps.Swarm;

public static class SwarmServiceCollectionExtensions
{
    /// <summary>Swarm deployments: the engine calls, the target check. Nothing calls the engine while <c>Swarm:Enabled</c> is off.</summary>
    public static IServiceCollection AddSwarmDeployments(this IServiceCollection services)
    {
        services.AddSingleton<SwarmServices>();
        services.AddSingleton<SwarmTargetCheck>();
        return services;
    }
}
