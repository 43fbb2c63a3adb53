using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WebOps.Core.Hooks;
using WebOps.Core.Processes;

namespace WebOps.Core.Addons;

public static class AddonServiceCollectionExtensions
{
    /// <summary>
    /// Registers discovery, the registry (initialised at host start), the hook runner and the verifier, with
    /// <see cref="AddonOptions"/> bound from the <c>Addons</c> configuration section. The host must also register
    /// an <see cref="IAddonStateStore"/>; hook handlers (<see cref="IHookHandler"/>) and requirement checks
    /// (<see cref="IRequirementCheck"/>) are picked up from DI.
    /// </summary>
    public static IServiceCollection AddAddonSystem(this IServiceCollection services)
    {
        services.AddOptions<AddonOptions>().BindConfiguration("Addons");
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<AddonOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AddonDiscovery>();
        services.TryAddSingleton<AddonRegistry>();
        services.AddProcessRunner();
        services.TryAddSingleton<HookRunner>();
        services.TryAddSingleton<DeployHooks>();
        services.TryAddSingleton<AddonVerifier>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AddonStartupService>());
        return services;
    }
}
