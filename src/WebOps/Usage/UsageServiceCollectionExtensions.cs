namespace WebOps.Usage;

public static class UsageServiceCollectionExtensions
{
    /// <summary>The resource use sampler and its readers (settings in section <c>Usage</c>). Needs the Docker addon's engine.</summary>
    public static IServiceCollection AddUsage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UsageOptions>()
            .Bind(configuration.GetSection(UsageOptions.SectionName))
            .Validate(
                o => o.Interval >= TimeSpan.FromSeconds(1) && o.Interval < TimeSpan.FromSeconds(UsageRollup.BucketSeconds),
                "Usage:Interval must be from 1 second to under 5 minutes, e.g. 00:00:10.")
            .Validate(o => o.MaxConcurrency >= 1, "Usage:MaxConcurrency must be 1 or more.")
            .ValidateOnStart();
        services.AddSingleton<UsageLatest>();
        services.AddSingleton<DockerUsageReader>();
        services.AddSingleton<ProcessUsageReader>();
        services.AddSingleton<UsageAppReader>();
        services.AddSingleton<UsageSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<UsageSampler>());
        return services;
    }
}
