using Microsoft.EntityFrameworkCore;

namespace WebOps.Data;

public static class DatabaseMigrator
{
    /// <summary>Applies pending migrations and turns on WAL so readers never wait for the deploy writer.</summary>
    public static async Task MigrateAsync(WebOpsDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
