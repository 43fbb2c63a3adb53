using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WebOps.Data.Entities;

namespace WebOps.Data.Configuration;

/// <summary>The audit log (migration AuditLog). Rows outlive their deployment: no foreign key, the target is a name.</summary>
internal static class AuditConfiguration
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_log");
            // Retention deletes by time, which SQLite cannot compare as DateTimeOffset text; as a number it compares
            // in time order on every provider.
            e.Property(a => a.Time).HasConversion(new DateTimeOffsetToBinaryConverter());
            e.HasIndex(a => a.Time);
            e.HasIndex(a => new { a.Target, a.Id });
            e.HasIndex(a => new { a.Action, a.Id });
            e.HasIndex(a => new { a.Actor, a.Id });
            e.Property(a => a.Actor).HasMaxLength(200);
            e.Property(a => a.ActorKind).HasMaxLength(16);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Target).HasMaxLength(200);
            e.Property(a => a.Details).HasMaxLength(2000);
            e.Property(a => a.Address).HasMaxLength(64);
        });
    }
}
