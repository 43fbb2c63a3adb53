using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WebOps.Audit;
using WebOps.Data;
using WebOps.Data.Entities;
using WebOps.Data.Secrets;
using WebOps.Tests.Unit.Health;

namespace WebOps.Tests.Unit.Audit;

/// <summary>Retention against a real (in-memory) SQLite database built from the migrations, on a fake clock.</summary>
public sealed class AuditRetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        await connection.OpenAsync();
        services = new ServiceCollection()
            .AddSingleton<ISecretProtector, PlainProtector>()
            .AddDbContext<WebOpsDbContext>(o => o.UseSqlite(connection))
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WebOpsDbContext>().Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task Entries_older_than_the_retention_go_and_newer_ones_stay()
    {
        await AddAsync(("ancient", Now.AddDays(-400)), ("just-too-old", Now.AddDays(-90).AddSeconds(-1)), ("just-kept", Now.AddDays(-90).AddSeconds(1)), ("today", Now));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();

        var removed = await AuditRetention.DeleteOlderThanAsync(db, AuditRetention.Cutoff(Now, 90), default);

        Assert.Equal(2, removed);
        Assert.Equal(["just-kept", "today"], await TargetsAsync());
    }

    [Fact]
    public async Task The_cleanup_runs_at_start_and_again_every_hour_on_the_panels_clock()
    {
        var clock = new FakeTimeProvider(Now);
        await AddAsync(("old", Now.AddDays(-3)), ("ages-within-the-hour", Now.AddDays(-2).AddMinutes(30)), ("fresh", Now));
        using var retention = new AuditRetention(
            services.GetRequiredService<IServiceScopeFactory>(), clock, Options.Create(new AuditOptions { RetentionDays = 2 }), NullLogger<AuditRetention>.Instance);

        await retention.StartAsync(default);
        await UntilAsync(() => retention.Sweeps == 1);
        Assert.Equal(["ages-within-the-hour", "fresh"], await TargetsAsync());

        clock.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(200);
        Assert.Equal(1, retention.Sweeps);

        clock.Advance(TimeSpan.FromMinutes(1));
        await UntilAsync(() => retention.Sweeps == 2);
        Assert.Equal(["fresh"], await TargetsAsync());
        await retention.StopAsync(default);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-7)]
    public void A_retention_under_one_day_is_refused_with_the_setting_and_the_fix(int days)
    {
        var result = new AuditOptionsValidator().Validate(null, new AuditOptions { RetentionDays = days });

        Assert.True(result.Failed);
        Assert.Equal(
            $"Audit:RetentionDays is {days}; it must be 1 or more (the days audit entries are kept). Set it to 1 or more, or remove it to keep the default of 90.",
            result.FailureMessage);
    }

    [Fact]
    public void The_default_retention_is_ninety_days_and_valid() =>
        Assert.True(new AuditOptionsValidator().Validate(null, new AuditOptions()).Succeeded && new AuditOptions().RetentionDays == 90);

    private async Task AddAsync(params (string Target, DateTimeOffset Time)[] entries)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        foreach (var (target, time) in entries)
        {
            db.AuditLog.Add(new AuditEntry { Time = time, Actor = "alice", ActorKind = "user", Action = AuditActions.Start, Target = target });
        }

        await db.SaveChangesAsync();
    }

    private async Task<List<string?>> TargetsAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebOpsDbContext>().AuditLog.OrderBy(e => e.Id).Select(e => e.Target).ToListAsync();
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the cleanup did not run within 20 s");
            await Task.Delay(20);
        }
    }
}
