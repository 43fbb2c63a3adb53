using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using WebOps.Core.Accounts;
using WebOps.Core.Deployments;
using WebOps.Data.Configuration;
using WebOps.Data.Entities;
using WebOps.Data.Secrets;

namespace WebOps.Data;

public class WebOpsDbContext(DbContextOptions<WebOpsDbContext> options, ISecretProtector protector) : DbContext(options)
{
    /// <summary>The protector the model's converters were built with; part of the model cache key.</summary>
    internal ISecretProtector Protector { get; } = protector;

    public DbSet<Deployment> Deployments => Set<Deployment>();

    public DbSet<DeploymentLogEntry> DeploymentLogs => Set<DeploymentLogEntry>();

    public DbSet<DeployRun> DeployRuns => Set<DeployRun>();

    public DbSet<User> Users => Set<User>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();

    public DbSet<AddonRecord> Addons => Set<AddonRecord>();

    public DbSet<DeploymentLlmSettings> LlmSettings => Set<DeploymentLlmSettings>();

    public DbSet<HealthRecord> HealthHistory => Set<HealthRecord>();

    public DbSet<DeploymentHealthSettings> HealthSettings => Set<DeploymentHealthSettings>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<DeploymentWebhook> Webhooks => Set<DeploymentWebhook>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<UsageSample> UsageSamples => Set<UsageSample>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        // Converters capture the protector, so each protector (each data folder) needs its own model.
        optionsBuilder.ReplaceService<IModelCacheKeyFactory, ProtectorModelCacheKeyFactory>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        DeploymentConfiguration.Configure(modelBuilder, Protector);
        AccountConfiguration.Configure(modelBuilder);
        TwoFactorConfiguration.Configure(modelBuilder);
        LlmSettingsConfiguration.Configure(modelBuilder, Protector);
        HealthConfiguration.Configure(modelBuilder);
        AuditConfiguration.Configure(modelBuilder);
        WebhookConfiguration.Configure(modelBuilder, Protector);
        UsageConfiguration.Configure(modelBuilder);
        modelBuilder.Entity<AddonRecord>(e =>
        {
            e.ToTable("addons");
            e.HasIndex(a => a.Name).IsUnique();
        });
        SnakeCaseNames.Apply(modelBuilder);
    }
}
