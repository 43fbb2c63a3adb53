using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Core.Llm;

namespace WebOps.Addons.Docker.Llm;

public static class LlmServingServiceCollectionExtensions
{
    /// <summary>
    /// Registers vLLM serving for the Docker addon (settings section <c>Llm</c>). The host must also register an
    /// <see cref="ILlmSettingsSource"/>.
    /// </summary>
    public static IServiceCollection AddLlmServing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LlmOptions>()
            .Bind(configuration.GetSection(LlmOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Image), "Llm:Image must name the vLLM image, e.g. " + LlmOptions.DefaultImage + ".")
            .Validate(o => o.StartPeriod > TimeSpan.Zero, "Llm:StartPeriod must be positive, e.g. 00:20:00.")
            .Validate(o => o.PullTimeout > TimeSpan.Zero, "Llm:PullTimeout must be positive, e.g. 01:00:00.");
        services.AddSingleton<VllmContainer>();
        services.AddSingleton<VllmDeployer>();
        return services;
    }
}
