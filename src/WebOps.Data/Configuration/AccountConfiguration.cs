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

            // The column default is what users from before roles get: they could do everything, so they stay admins.
            e.Property(u => u.Role).HasConversion<string>().HasMaxLength(16).HasDefaultValue(Role.Admin).ValueGeneratedNever();
        });
        modelBuilder.Entity<ApiToken>(e =>
        {
            e.ToTable("api_tokens");
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.Property(t => t.Name).HasMaxLength(100);

            // Tokens from before scopes could do everything: they get scope admin, and no expiry (ExpiresAt null).
            e.Property(t => t.Scope).HasConversion<string>().HasMaxLength(16).HasDefaultValue(TokenScope.Admin).ValueGeneratedNever();
        });
    }
}
