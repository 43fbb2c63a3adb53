using WebOps.Core.Runtime;

namespace WebOps.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary>
    /// The health monitor: periodic sweeps, the addons' runtime events (see <see cref="IRuntimeEventSource"/>), the
    /// HTTP probe, history and the webhook (settings in section <c>Health</c>). Needs the deploy services and the
    /// addon system registered; works without any runtime event source.
    /// </summary>
    public static IServiceCollection AddHealthMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HealthOptions>()
            .Bind(configuration.GetSection(HealthOptions.SectionName))
            .Validate(o => o.Interval > TimeSpan.Zero, "Health:Interval must be positive, e.g. 00:00:30.")
            .Validate(o => o.MaxConcurrency >= 1, "Health:MaxConcurrency must be 1 or more.")
            .Validate(o => o.HistoryPerDeployment >= 1, "Health:HistoryPerDeployment must be 1 or more.")
            .Validate(o => o.ProbeTimeout > TimeSpan.Zero, "Health:ProbeTimeout must be positive, e.g. 00:00:05.")
            .Validate(
                o => string.IsNullOrWhiteSpace(o.WebhookUrl) || (Uri.TryCreate(o.WebhookUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"),
                "Health:WebhookUrl must be an absolute http(s) URL, e.g. https://hooks.example.com/webops.")
            .ValidateOnStart();
        services.AddSingleton<HttpProbe>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookSender>());
        services.AddSingleton<HealthRecorder>();
        services.AddSingleton<HealthChecker>();
        services.AddHostedService<InterruptedDeployStatus>(); // after the addons' own start-up recovery (registered before)
        services.AddSingleton<HealthMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<HealthMonitor>());
        services.AddHostedService<RuntimeEventsFollower>();
        services.AddHostedService<NewlyRunningWatcher>();
        services.AddSingleton<ComposeCliCheck>();
        return services;
    }
}
