using WebOps.Addons.Docker.Llm;
using WebOps.Core.Llm;

namespace WebOps.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>LLM deployments: vLLM serving in the Docker addon, fed from the settings saved in the database.</summary>
    public static IServiceCollection AddLlm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ILlmSettingsSource, LlmSettingsStore>();
        services.AddScoped<LlmSettingsService>();
        services.AddLlmServing(configuration);
        return services;
    }
}
