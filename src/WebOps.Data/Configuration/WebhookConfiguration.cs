using Microsoft.EntityFrameworkCore;
using WebOps.Core.Deployments;
using WebOps.Data.Entities;
using WebOps.Data.Secrets;

namespace WebOps.Data.Configuration;

/// <summary>Hook secrets and the recent deliveries (migration Webhooks); both go when their deployment goes.</summary>
internal static class WebhookConfiguration
{
    public static void Configure(ModelBuilder modelBuilder, ISecretProtector protector)
    {
        modelBuilder.Entity<Deployment>().Property(d => d.AutoDeploy).HasDefaultValue(true).ValueGeneratedNever();

        modelBuilder.Entity<DeploymentWebhook>(e =>
        {
            e.ToTable("deployment_webhooks");
            e.HasKey(w => w.DeploymentId);
            e.Property(w => w.DeploymentId).ValueGeneratedNever();
            e.HasOne<Deployment>().WithOne().HasForeignKey<DeploymentWebhook>(w => w.DeploymentId).OnDelete(DeleteBehavior.Cascade);
            SecretColumns.Configure(e.Property(w => w.Secret), SecretColumns.Text, protector);
        });

        modelBuilder.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("webhook_deliveries");
            e.HasIndex(w => new { w.DeploymentId, w.Id });
            e.Property(w => w.Provider).HasMaxLength(16);
            e.Property(w => w.Event).HasMaxLength(64);
            e.Property(w => w.Branch).HasMaxLength(255);
            e.Property(w => w.Result).HasMaxLength(500);
            e.HasOne<Deployment>().WithMany().HasForeignKey(w => w.DeploymentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
