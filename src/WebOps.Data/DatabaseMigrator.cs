using Microsoft.EntityFrameworkCore;

namespace WebOps.Data;

public static class DatabaseMigrator
{
    /// <summary>
    /// Applies pending migrations and turns on WAL so readers never wait for the deploy writer. On a database that is
    /// up to date (every start but the first after an upgrade) one read of the history table decides, and the migrate
    /// call, which also takes the migration lock, is skipped. Returns true when the database was new (no migration had
    /// been applied): it then holds no rows a previous process could have left behind.
    /// </summary>
    public static async Task<bool> MigrateAsync(WebOpsDbContext db, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        return pending > 0 && pending == db.Database.GetMigrations().Count();
    }
}
