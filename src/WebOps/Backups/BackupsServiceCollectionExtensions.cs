namespace WebOps.Backups;

public static class BackupsServiceCollectionExtensions
{
    /// <summary>The backup writer and the scheduled backups of section <c>Backup</c>.</summary>
    public static IServiceCollection AddBackups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackupOptions>()
            .Bind(configuration.GetSection(BackupOptions.SectionName))
            .Validate(o => o.Interval is null || o.Interval > TimeSpan.Zero, "Backup:Interval must be positive, e.g. 1.00:00:00 for daily.")
            .Validate(o => o.Keep >= 1, "Backup:Keep must be 1 or more.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Folder), "Backup:Folder must name a folder, e.g. backups.")
            .ValidateOnStart();
        services.AddSingleton<BackupWriter>();
        services.AddSingleton<ScheduledBackups>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledBackups>());
        return services;
    }
}
