using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebOps.Audit;
using WebOps.Data;
using WebOps.Data.Entities;
using WebOps.Tests.Integration.Infrastructure;
using static WebOps.Tests.Integration.Audit.AuditClient;

namespace WebOps.Tests.Integration.Audit;

/// <summary>Retention in a real panel, its start-up check, the admin verbs recorded as <c>cli</c>, scheduled work as <c>system</c>.</summary>
public sealed class AuditRetentionAndCliTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "webops-audit-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task At_start_entries_older_than_the_retention_are_deleted_and_newer_ones_kept()
    {
        var first = await PanelApp.StartInFolderAsync(data);
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            var now = DateTimeOffset.UtcNow;
            db.AuditLog.AddRange(Old("three-days-old", now.AddDays(-3)), Old("two-days-old", now.AddDays(-2)), Old("hour-old", now.AddHours(-1)));
            await db.SaveChangesAsync();
        }

        await first.StopAsync();

        await using var second = await PanelApp.StartInFolderAsync(data, "--Audit:RetentionDays=1");
        using var api = await WithTokenNamedAsync(second, "reader");
        await EventuallyAsync(
            async () => !(await EntriesAsync(api, "?action=backup")).Any(e => e.Target!.EndsWith("days-old", StringComparison.Ordinal)),
            "the entries older than a day are gone");
        Assert.Equal(["hour-old"], (await EntriesAsync(api, "?action=backup")).Select(e => e.Target));
    }

    [Fact]
    public async Task A_retention_under_one_day_stops_the_start_with_the_setting_named()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => PanelApp.StartInFolderAsync(data, "--Audit:RetentionDays=0"));

        Assert.Contains("Audit:RetentionDays is 0; it must be 1 or more", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_created_and_addons_switched_by_the_cli_are_recorded_as_cli()
    {
        var (code, _, stderr) = await WebOpsCli.RunAsync("token", "create", "--name", "deploy-bot", "--data", data);
        Assert.True(code == 0, stderr);
        (code, _, stderr) = await WebOpsCli.RunAsync("addons", "disable", "process", "--data", data);
        Assert.True(code == 0, stderr);

        await using var panel = await PanelApp.StartInFolderAsync(data);
        using var api = await WithTokenNamedAsync(panel, "reader");
        var entries = await EntriesAsync(api);
        Assert.Contains(entries, e => (e.Action, e.Target, e.Actor, e.ActorKind, e.Address) == (AuditActions.TokenCreated, "deploy-bot", "cli", "cli", null));
        Assert.Contains(entries, e => (e.Action, e.Target, e.Actor, e.ActorKind, e.Address) == (AuditActions.AddonDisabled, "process", "cli", "cli", null));
        // A token made outside any request and outside the admin verbs (here: by the test itself) is the panel's own doing.
        Assert.Contains(entries, e => (e.Action, e.Target, e.Actor) == (AuditActions.TokenCreated, "reader", "system"));
    }

    [Fact]
    public async Task A_scheduled_backup_is_recorded_as_the_panels_own_doing_with_the_archive_name()
    {
        await using var panel = await PanelApp.StartInFolderAsync(data);
        var summary = await panel.Services.GetRequiredService<WebOps.Backups.ScheduledBackups>().RunOnceAsync(CancellationToken.None);
        Assert.NotNull(summary);

        using var api = await WithTokenNamedAsync(panel, "reader");
        var entry = Assert.Single(await EntriesAsync(api, "?action=backup"));
        Assert.Equal((Path.GetFileName(summary.Path), "system", "system", (string?)null), (entry.Target, entry.Actor, entry.ActorKind, entry.Address));
    }

    private static AuditEntry Old(string target, DateTimeOffset time) =>
        new() { Time = time, Actor = "alice", ActorKind = "user", Action = AuditActions.Backup, Target = target };
}
