using Microsoft.EntityFrameworkCore;

namespace WebOps.Data;

public static class DatabaseMigrator
{
    /// <summary>
    /// Applies pending migrations and turns on WAL so readers never wait for the deploy writer. On a database that is
    /// up to date (every start but the first after an upgrade) one read of the history table decides, and the migrate
    /// call, which also takes the migration lock and compares the model with the last migration's snapshot, is skipped.
    /// </summary>
    public static async Task MigrateAsync(WebOpsDbContext db, CancellationToken cancellationToken)
    {
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
