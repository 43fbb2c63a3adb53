using WebOps.Backups;

namespace WebOps.Tests.Unit.Backups;

public sealed class BackupRulesTests
{
    [Theory]
    [InlineData("webops.db", true)]
    [InlineData("webops-backup.json", true)]
    [InlineData("keys/key-1.xml", true)]
    [InlineData("proxy/certificates/acme/example.com/example.com.crt", true)]
    [InlineData("keys", false)]
    [InlineData("../webops.db", false)]
    [InlineData("keys/../../etc/passwd", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("proxy//x", false)]
    [InlineData("proxy/./x", false)]
    [InlineData("apps/site/current/index.html", false)]
    [InlineData("checkouts/site/.git/config", false)]
    [InlineData("keys\\..\\x", false)]
    [InlineData("", false)]
    public void Only_the_parts_of_a_backup_may_be_restored(string entry, bool allowed) =>
        Assert.Equal(allowed, BackupContents.IsAllowedEntry(entry));

    [Theory]
    [InlineData("caddy.json", true)]
    [InlineData("certificates/local/a.test/a.test.key", true)]
    [InlineData("caddy.log", false)]
    [InlineData("caddy.log.1", false)]
    [InlineData("caddy.pid", false)]
    [InlineData("locks/issue_cert_a.test.lock", false)]
    [InlineData("caddy.json.tmp", false)]
    public void The_edge_folder_keeps_state_and_drops_logs_pids_and_locks(string path, bool kept) =>
        Assert.Equal(kept, BackupContents.IsProxyState(path));

    [Fact]
    public void Backup_names_sort_by_time()
    {
        Assert.Equal("webops-20261201-073005.tar.gz", BackupFiles.NameFor(new DateTimeOffset(2026, 12, 1, 8, 30, 5, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void Pruning_keeps_the_newest_and_never_touches_other_files()
    {
        string[] names =
        [
            "webops-20261201-070000.tar.gz", "webops-20261203-070000.tar.gz", "notes.txt",
            "webops-20261202-070000.tar.gz", "webops-manual.tar.gz", "webops-20261130-070000.tar.gz",
        ];

        Assert.Equal(["webops-20261201-070000.tar.gz", "webops-20261130-070000.tar.gz"], BackupFiles.Surplus(names, keep: 2));
        Assert.Empty(BackupFiles.Surplus(names, keep: 10));
        // Keep 0 is what the scheduler asks before a new backup takes its name: all four of ours, nothing else.
        Assert.Equal(4, BackupFiles.Surplus(names, keep: 0).Count);
    }
}
