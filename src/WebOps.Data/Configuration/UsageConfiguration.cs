using Microsoft.EntityFrameworkCore;
using WebOps.Core.Deployments;
using WebOps.Data.Entities;

namespace WebOps.Data.Configuration;

/// <summary>
/// Resource use samples (migration UsageSamples). The key is (deployment, step, time): no id column, and the key's
/// index is the one every read and prune walks. Samples go when their deployment goes.
/// </summary>
internal static class UsageConfiguration
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UsageSample>(e =>
        {
            e.ToTable("usage_samples");
            e.HasKey(s => new { s.DeploymentId, s.Step, s.Time });
            e.HasOne<Deployment>().WithMany().HasForeignKey(s => s.DeploymentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
