using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WebOps.Core.Deployments;
using WebOps.Core.Health;
using WebOps.Data;
using WebOps.Health;

namespace WebOps.Tests.Unit.Health;

/// <summary>Retention against a real (in-memory) SQLite database built from the migrations.</summary>
public sealed class HistoryRetentionTests : IAsyncLifetime
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private WebOpsDbContext db = null!;

    public async Task InitializeAsync()
    {
        await connection.OpenAsync();
        db = new WebOpsDbContext(new DbContextOptionsBuilder<WebOpsDbContext>().UseSqlite(connection).Options, new PlainProtector());
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task Trimming_keeps_the_newest_rows_of_that_deployment_only()
    {
        var blog = await AddDeploymentAsync("blog");
        var shop = await AddDeploymentAsync("shop");
        for (var i = 1; i <= 7; i++)
        {
            await HealthHistoryStore.AddAsync(db, blog, [Reading($"blog {i}")], DateTimeOffset.UnixEpoch.AddMinutes(i), default);
        }

        await HealthHistoryStore.AddAsync(db, shop, [Reading("shop 1"), Reading("shop 2")], DateTimeOffset.UnixEpoch, default);

        var removed = await HealthHistoryStore.TrimAsync(db, blog, keep: 3, default);

        Assert.Equal(4, removed);
        Assert.Equal(["blog 7", "blog 6", "blog 5"], (await HealthHistoryStore.LatestAsync(db, blog, 50, default)).Select(h => h.Message));
        Assert.Equal(2, await db.HealthHistory.CountAsync(h => h.DeploymentId == shop));
    }

    [Fact]
    public async Task A_sweep_trims_only_deployments_past_the_limit_by_more_than_a_tenth_and_those_back_to_the_limit()
    {
        var blog = await AddDeploymentAsync("blog");
        var shop = await AddDeploymentAsync("shop");
        for (var i = 1; i <= 12; i++)
        {
            await HealthHistoryStore.AddAsync(db, blog, [Reading($"blog {i}")], DateTimeOffset.UnixEpoch.AddMinutes(i), default);
        }

        for (var i = 1; i <= 11; i++)
        {
            await HealthHistoryStore.AddAsync(db, shop, [Reading($"shop {i}")], DateTimeOffset.UnixEpoch.AddMinutes(i), default);
        }

        var removed = await HealthHistoryStore.TrimOverfullAsync(db, keep: 10, default);

        Assert.Equal(2, removed); // blog: 12 > 10 + 1, trimmed to 10; shop: 11, within the slack of one
        Assert.Equal(10, await db.HealthHistory.CountAsync(h => h.DeploymentId == blog));
        Assert.Equal("blog 3", (await HealthHistoryStore.LatestAsync(db, blog, 50, default))[^1].Message);
        Assert.Equal(11, await db.HealthHistory.CountAsync(h => h.DeploymentId == shop));
    }

    [Fact]
    public async Task Trimming_below_the_limit_removes_nothing()
    {
        var blog = await AddDeploymentAsync("blog");
        await HealthHistoryStore.AddAsync(db, blog, [Reading("only")], DateTimeOffset.UnixEpoch, default);

        Assert.Equal(0, await HealthHistoryStore.TrimAsync(db, blog, keep: 500, default));
        Assert.Equal("only", Assert.Single(await HealthHistoryStore.LatestAsync(db, blog, 50, default)).Message);
    }

    [Fact]
    public async Task Metrics_are_stored_as_a_json_object()
    {
        var blog = await AddDeploymentAsync("blog");
        var reading = new HealthReading(HealthState.Healthy, "ok", HealthSources.Sweep, new Dictionary<string, object?> { ["docker.cpu_percent"] = 1.5, ["docker.state"] = "running" });

        await HealthHistoryStore.AddAsync(db, blog, [reading], DateTimeOffset.UnixEpoch, default);

        Assert.Equal("""{"docker.cpu_percent":1.5,"docker.state":"running"}""", (await db.HealthHistory.SingleAsync()).MetricsJson);
    }

    private static HealthReading Reading(string message) => HealthReading.Unhealthy(message, HealthSources.Sweep);

    private async Task<int> AddDeploymentAsync(string name)
    {
        var d = new Deployment { Name = name, RepoUrl = "https://example.invalid/x.git" };
        db.Deployments.Add(d);
        await db.SaveChangesAsync();
        return d.Id;
    }
}
