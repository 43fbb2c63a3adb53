using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WebOps.Core.Processes;

public static class ProcessServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="ProcessRunner"/> every child program goes through. Safe to call from each
    /// part that needs it: only the first call registers.</summary>
    public static IServiceCollection AddProcessRunner(this IServiceCollection services)
    {
        services.TryAddSingleton<ProcessRunner>();
        return services;
    }
}
