using WebOps.Core.Processes;
using WebOps.Hosting;

namespace WebOps.Deploys;

public static class DeploysServiceCollectionExtensions
{
    /// <summary>The deploy queue, its worker, the log sink and the services pages and API share.</summary>
    public static IServiceCollection AddDeploys(this IServiceCollection services, IConfiguration configuration, WebOpsSettings settings)
    {
        services.Configure<DeploymentSettings>(configuration.GetSection("Deployments"));
        services.AddSingleton(new WorkFolders(settings.DataPath));
        services.AddSingleton<LiveEvents>();
        services.AddSingleton<StatusNotifier>();
        services.AddSingleton<PanelActions>();
        services.AddSingleton<DeployQueue>();
        services.AddProcessRunner();
        services.AddSingleton<GitCheckout>();
        services.AddSingleton<HostPortAllocator>();
        services.AddSingleton<DeploymentLogSink>();
        services.AddHostedService(sp => sp.GetRequiredService<DeploymentLogSink>());
        services.AddHostedService<DeployWorker>();
        services.AddScoped<DeployOrchestrator>();
        services.AddScoped<DeploymentLogTrimmer>();
        services.AddScoped<DeploymentService>();
        services.AddScoped<ReleaseCatalog>();
        Swarm.SwarmServiceCollectionExtensions.AddSwarmDeployments(services);
        return services;
    }
}
