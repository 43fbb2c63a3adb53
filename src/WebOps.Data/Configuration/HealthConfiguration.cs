using Microsoft.EntityFrameworkCore;
using WebOps.Core.Deployments;
using WebOps.Data.Entities;

namespace WebOps.Data.Configuration;

/// <summary>Health history and HTTP probe settings (migration HealthHistory); both go when their deployment goes.</summary>
internal static class HealthConfiguration
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HealthRecord>(e =>
        {
            e.ToTable("health_history");
            e.HasIndex(h => new { h.DeploymentId, h.Id });
            e.Property(h => h.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(h => h.Message).HasMaxLength(2000);
            e.Property(h => h.Source).HasMaxLength(16);
            e.HasOne<Deployment>().WithMany().HasForeignKey(h => h.DeploymentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DeploymentHealthSettings>(e =>
        {
            e.ToTable("deployment_health_settings");
            e.HasKey(s => s.DeploymentId);
            e.Property(s => s.DeploymentId).ValueGeneratedNever();
            e.Property(s => s.Path).HasMaxLength(2000);
            e.Property(s => s.Host).HasMaxLength(253);
            e.HasOne<Deployment>().WithMany().HasForeignKey(s => s.DeploymentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
