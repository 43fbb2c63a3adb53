using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WebOps.Core.Accounts;
using WebOps.Core.Deployments;
using WebOps.Data;

namespace WebOps.Tests.Unit.Data;

/// <summary>
/// The probe's plain SQL against a database EF Core migrated and filled, so a renamed table, column or stored value
/// fails here: the probe would otherwise tell a start there is nothing to settle when there is.
/// </summary>
public sealed class DatabaseProbeTests : IAsyncLifetime
{
    // A named in-memory database lives while one connection to it is open; the probe and EF Core open their own.
    private readonly string connectionString = $"Data Source=probe-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
    private readonly SqliteConnection keeper;
    private readonly DatabaseProbe probe;

    public DatabaseProbeTests()
    {
        keeper = new SqliteConnection(connectionString);
        probe = new DatabaseProbe(connectionString);
    }

    public Task InitializeAsync() => keeper.OpenAsync();

    public Task DisposeAsync() => keeper.DisposeAsync().AsTask();

    [Fact]
    public void The_migrations_it_knows_are_the_ones_EF_Core_applies()
    {
        using var db = Context();
        Assert.Equal(db.Database.GetMigrations(), DatabaseProbe.KnownMigrations);
    }

    [Fact]
    public async Task A_new_database_is_not_migrated() => await AssertNotMigratedAsync();

    [Fact]
    public async Task A_database_one_migration_behind_this_build_is_not_migrated()
    {
        await MigrateAsync(AddUserAsync);
        await ExecuteAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{DatabaseProbe.KnownMigrations[^1]}'");

        await AssertNotMigratedAsync();
    }

    [Fact]
    public async Task A_migrated_database_without_a_user_needs_its_first_admin()
    {
        await MigrateAsync();

        var state = await probe.ReadStartStateAsync(default);
        Assert.Equal(new StartState(Migrated: true, UnfinishedRuns: false, AnyUser: false), state);
        Assert.False(state.NothingToDo);
    }

    [Fact]
    public async Task Ended_runs_and_settled_deployments_leave_nothing_to_do()
    {
        await MigrateAsync(async db =>
        {
            await AddUserAsync(db);
            var blog = await AddDeploymentAsync(db, "blog", DeploymentStatus.Running);
            var shop = await AddDeploymentAsync(db, "shop", DeploymentStatus.Failed);
            var llm = await AddDeploymentAsync(db, "llm", DeploymentStatus.Pending);
            db.DeployRuns.AddRange(
                new DeployRun { DeploymentId = blog.Id, Result = "succeeded" },
                new DeployRun { DeploymentId = shop.Id, Result = "failed" },
                new DeployRun { DeploymentId = llm.Id, Result = "cancelled" });
            await db.SaveChangesAsync();
        });

        var state = await probe.ReadStartStateAsync(default);
        Assert.Equal(new StartState(Migrated: true, UnfinishedRuns: false, AnyUser: true), state);
        Assert.True(state.NothingToDo);
    }

    [Theory]
    [InlineData("queued", DeploymentStatus.Running)]
    [InlineData("running", DeploymentStatus.Running)]
    [InlineData("succeeded", DeploymentStatus.Building)]
    public async Task A_run_or_deployment_the_last_process_left_half_done_is_found(string result, DeploymentStatus status)
    {
        await MigrateAsync(async db =>
        {
            await AddUserAsync(db);
            var blog = await AddDeploymentAsync(db, "blog", status);
            db.DeployRuns.Add(new DeployRun { DeploymentId = blog.Id, Result = result });
            await db.SaveChangesAsync();
        });

        var state = await probe.ReadStartStateAsync(default);
        Assert.Equal(new StartState(Migrated: true, UnfinishedRuns: true, AnyUser: true), state);
        Assert.False(state.NothingToDo);
    }

    [Fact]
    public async Task It_tells_whether_any_deployment_runs_in_Docker()
    {
        await using var db = Context();
        await db.Database.MigrateAsync();
        var blog = await AddDeploymentAsync(db, "blog", DeploymentStatus.Running);
        Assert.False(await probe.AnyDockerDeploymentAsync(default));

        blog.UseDocker = true;
        await db.SaveChangesAsync();
        Assert.True(await probe.AnyDockerDeploymentAsync(default));
    }

    [Fact]
    public async Task A_database_it_cannot_open_is_an_error()
    {
        var missing = new DatabaseProbe($"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "webops.db")}");

        await Assert.ThrowsAsync<SqliteException>(() => missing.AnyDockerDeploymentAsync(default));
        await Assert.ThrowsAsync<SqliteException>(() => missing.ReadStartStateAsync(default));
    }

    /// <summary>Migrates the database with EF Core, as a start does, and fills it.</summary>
    private async Task MigrateAsync(Func<WebOpsDbContext, Task>? fill = null)
    {
        await using var db = Context();
        await db.Database.MigrateAsync();
        if (fill is not null)
        {
            await fill(db);
        }
    }

    private async Task AssertNotMigratedAsync()
    {
        var state = await probe.ReadStartStateAsync(default);
        Assert.False(state.Migrated);
        Assert.False(state.NothingToDo);
    }

    private WebOpsDbContext Context() =>
        new(new DbContextOptionsBuilder<WebOpsDbContext>().UseSqlite(connectionString).Options, new SealingProtector());

    private static async Task AddUserAsync(WebOpsDbContext db)
    {
        db.Users.Add(new User { Username = "admin", PasswordHash = "hash" });
        await db.SaveChangesAsync();
    }

    private static async Task<Deployment> AddDeploymentAsync(WebOpsDbContext db, string name, DeploymentStatus status)
    {
        var deployment = new Deployment { Name = name, RepoUrl = $"https://example.invalid/{name}.git" };
        if (status != DeploymentStatus.Pending)
        {
            // As a deploy moves it: every status but Pending is reached through Building.
            deployment.MoveTo(DeploymentStatus.Building);
            deployment.MoveTo(status);
        }

        db.Deployments.Add(deployment);
        await db.SaveChangesAsync();
        return deployment;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = keeper.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
