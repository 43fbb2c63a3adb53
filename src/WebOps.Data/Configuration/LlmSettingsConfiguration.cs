using Microsoft.EntityFrameworkCore;
using WebOps.Core.Deployments;
using WebOps.Data.Entities;
using WebOps.Data.Secrets;

namespace WebOps.Data.Configuration;

/// <summary>The 1:1 table of LLM settings (migration LlmSettings).</summary>
internal static class LlmSettingsConfiguration
{
    public static void Configure(ModelBuilder modelBuilder, ISecretProtector protector)
    {
        modelBuilder.Entity<DeploymentLlmSettings>(e =>
        {
            e.ToTable("deployment_llm_settings");
            e.HasKey(s => s.DeploymentId);
            e.Property(s => s.DeploymentId).ValueGeneratedNever();
            e.HasOne<Deployment>().WithOne().HasForeignKey<DeploymentLlmSettings>(s => s.DeploymentId).OnDelete(DeleteBehavior.Cascade);
            e.Property(s => s.Model).HasMaxLength(512);
            e.Property(s => s.ServedModelName).HasMaxLength(255);
            e.Property(s => s.Quantization).HasMaxLength(32);
            e.Property(s => s.Dtype).HasMaxLength(16);
            e.Property(s => s.Gpus).HasMaxLength(255);
            e.Property(s => s.CacheVolume).HasMaxLength(4096);

            // The token is encrypted like the other secrets; a null token stays NULL (converters never see nulls).
            SecretColumns.Configure(e.Property(s => s.HfToken), SecretColumns.OptionalText, protector);
        });
    }
}
