using WebOps.Addons.Docker.Swarm.Routing;

namespace WebOps.Swarm.Routing;

public static class SwarmRoutingServiceCollectionExtensions
{
    /// <summary>
    /// The edge's routes of swarm deployments: the task query, the listed routes the proxy service builds from, and the
    /// watcher that keeps them (a hosted service, started after the server listens; idle unless Swarm and the edge are on).
    /// </summary>
    public static IServiceCollection AddSwarmRouting(this IServiceCollection services)
    {
        services.AddSingleton<SwarmTaskQuery>();
        services.AddSingleton<SwarmRoutes>();
        services.AddSingleton<SwarmRouteWatcher>();
        services.AddSingleton<ISwarmRouteRefresh>(sp => sp.GetRequiredService<SwarmRouteWatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<SwarmRouteWatcher>());
        return services;
    }
}
