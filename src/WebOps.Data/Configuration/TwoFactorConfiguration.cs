using Microsoft.EntityFrameworkCore;
using WebOps.Core.Accounts;

namespace WebOps.Data.Configuration;

/// <summary>The two-factor columns of <c>users</c> and the <c>recovery_codes</c> table.</summary>
internal static class TwoFactorConfiguration
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(e =>
        {
            // Data Protection output for a 20-byte secret is about 150 characters; the limit leaves room for key ids.
            e.Property(u => u.TwoFactorSecret).HasMaxLength(1000);
            e.Property(u => u.TwoFactorPendingSecret).HasMaxLength(1000);
        });
        modelBuilder.Entity<RecoveryCode>(e =>
        {
            e.ToTable("recovery_codes");
            e.HasIndex(r => new { r.UserId, r.CodeHash }).IsUnique();
            e.Property(r => r.CodeHash).HasMaxLength(64);
            e.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
