using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WebOps.Core.Accounts;
using WebOps.Data;
using WebOps.Tests.Integration.Data;

namespace WebOps.Tests.Integration.Auth;

/// <summary>Users and tokens from before roles could do everything; after the upgrade they still can.</summary>
public sealed class RoleMigrationTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "webops-rolemig-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Existing_users_become_admins_and_existing_tokens_get_scope_admin_and_no_expiry()
    {
        Directory.CreateDirectory(folder);
        var options = new DbContextOptionsBuilder<WebOpsDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "webops.db")}").Options;
        await using (var db = new WebOpsDbContext(options, new TestProtector()))
        {
            await db.GetService<IMigrator>().MigrateAsync("AppPort");
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO users (username, password_hash, created_at) VALUES ('old-admin', 'x', '2026-01-01 00:00:00+00:00');
                INSERT INTO api_tokens (name, token_hash, prefix, created_at) VALUES ('old-ci', 'abc', 'wo_abcd', '2026-01-01 00:00:00+00:00');
                """);
        }

        await using (var db = new WebOpsDbContext(options, new TestProtector()))
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            Assert.Equal(Role.Admin, (await db.Users.SingleAsync()).Role);
            var token = await db.ApiTokens.SingleAsync();
            Assert.Equal((TokenScope.Admin, (DateTimeOffset?)null), (token.Scope, token.ExpiresAt));
        }
    }
}
