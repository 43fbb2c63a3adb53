namespace WebOps.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    /// <summary>Push to deploy: the hook's receiver, secrets, and the deliveries list.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<DeliveryRecorder>();
        services.AddHostedService<DeliveryWriter>();
        services.AddSingleton<UnknownHookSecret>();
        services.AddScoped<DeploymentWebhooks>();
        services.AddScoped<HookReceiver>();
        return services;
    }
}
