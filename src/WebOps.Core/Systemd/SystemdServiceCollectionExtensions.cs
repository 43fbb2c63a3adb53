using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WebOps.Core.Processes;

namespace WebOps.Core.Systemd;

public static class SystemdServiceCollectionExtensions
{
    /// <summary>
    /// Registers the systemctl client and unit installer (settings from section <c>Systemd</c>). Safe to call from
    /// every addon that needs them: only the first call registers.
    /// </summary>
    public static IServiceCollection AddSystemdUnits(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(UnitInstaller)))
        {
            return services;
        }

        services.AddOptions<SystemdOptions>()
            .Bind(configuration.GetSection(SystemdOptions.SectionName))
            .Validate(o => o.CommandTimeout > TimeSpan.Zero, "Systemd:CommandTimeout must be positive, e.g. 00:01:00.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.UnitFolder), "Systemd:UnitFolder must name a folder, e.g. /etc/systemd/system.")
            .Validate(o => Path.IsPathFullyQualified(o.EnvFolder ?? ""), "Systemd:EnvFolder must be an absolute folder path, e.g. /etc/webops/env.");
        services.AddProcessRunner();
        services.TryAddSingleton<SystemctlClient>();
        services.TryAddSingleton<UnitInstaller>();
        return services;
    }
}
