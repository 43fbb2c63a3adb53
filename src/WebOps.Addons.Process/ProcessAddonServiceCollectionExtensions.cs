using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WebOps.Addons.Process;
using WebOps.Addons.Process.Build;
using WebOps.Addons.Process.Hooks;
using WebOps.Addons.Process.Runtime;
using WebOps.Addons.Process.Systemd;
using WebOps.Core.Hooks;
using WebOps.Core.Processes;
using WebOps.Core.Runtime;
using WebOps.Core.Systemd;

// In the panel's WebOps.Addons namespace so the composition root needs no extra using.
namespace WebOps.Addons;

public static class ProcessAddonServiceCollectionExtensions
{
    /// <summary>
    /// Registers the process addon (deployments without Docker): settings (section <c>Process</c>), the hook
    /// handlers named in addons/process/addon.yaml, the runtime behind start/stop/restart, and the service that
    /// brings apps back when the panel starts. The host registers <see cref="IStoredDeployments"/>, from which that
    /// service learns which apps were running.
    /// </summary>
    public static IServiceCollection AddProcessAddon(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProcessOptions>()
            .Bind(configuration.GetSection(ProcessOptions.SectionName))
            .Validate(o => o.StopTimeout > TimeSpan.Zero, "Process:StopTimeout must be positive, e.g. 00:00:10.")
            .Validate(o => o.StartTimeout > TimeSpan.Zero, "Process:StartTimeout must be positive, e.g. 00:00:30.")
            .Validate(o => o.PipTimeout > TimeSpan.Zero && o.CommandTimeout > TimeSpan.Zero, "Process:PipTimeout and Process:CommandTimeout must be positive.")
            .Validate(o => o.LogLines > 0, "Process:LogLines must be 1 or more.");
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(AppPaths.FromConfiguration(configuration));
        services.TryAddSingleton(_ => new SystemdUnitRenderer());
        services.AddSystemdUnits(configuration);
        services.AddSingleton<SystemdHost>();
        services.AddSingleton<SupervisorChoice>();
        services.AddSingleton<ProcessApps>();
        services.AddProcessRunner();
        services.AddSingleton<CommandRunner>();
        services.AddSingleton<DjangoBuild>();
        services.AddSingleton<IHookHandler, ProcessPrepareHandler>();
        services.AddSingleton<ProcessReleaseBeside>();
        services.AddSingleton<IHookHandler, ProcessRunHandler>();
        services.AddSingleton<IHookHandler, ProcessHealthHandler>();
        services.AddSingleton<IAppRuntime, ProcessAppRuntime>();
        services.AddHostedService<ProcessRecoveryService>();
        return services;
    }
}
