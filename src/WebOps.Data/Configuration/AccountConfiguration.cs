using Microsoft.EntityFrameworkCore;
using WebOps.Core.Accounts;

namespace WebOps.Data.Configuration;

internal static class AccountConfiguration
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(e =>
        {
            e.ToTable("users");
            e.HasIndex(u => u.Username).IsUnique();
            e.Property(u => u.Username).HasMaxLength(64);
        });
        modelBuilder.Entity<ApiToken>(e =>
        {
            e.ToTable("api_tokens");
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.Property(t => t.Name).HasMaxLength(100);
        });
    }
}
