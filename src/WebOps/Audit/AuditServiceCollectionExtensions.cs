using Microsoft.Extensions.Options;

namespace WebOps.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit log, its hourly cleanup, and the check of <c>Audit:RetentionDays</c> at start.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>()
            .Bind(configuration.GetSection(AuditOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditRetention>());
        return services;
    }
}
