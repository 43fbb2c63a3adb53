using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;
using WebOps.Tests.Integration.ProcessAddon;

namespace WebOps.Tests.Integration.Backups;

/// <summary>
/// <c>webops backup</c> and <c>webops restore</c> as real processes on a real panel's data folder: a backup taken
/// while a deploy runs restores into a new folder on which a new panel starts with the same deployments, secrets that
/// decrypt, and tokens that work.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly DeployGate gate = new();
    private readonly string scratch = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "webops-backup-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public void Dispose()
    {
        gate.Dispose();
        Directory.Delete(scratch, recursive: true);
    }

    [Fact]
    public async Task A_backup_taken_during_a_deploy_restores_into_a_panel_with_the_same_deployments_secrets_and_tokens()
    {
        var secret = "s3cret-" + Guid.NewGuid().ToString("N");
        var (served, held) = (NewName("bkup"), NewName("bkhold"));
        var archive = Path.Combine(scratch, "panel.tar.gz");
        string token;
        await using (var panel = await PanelApp.StartAsync(gate.PanelArgs))
        {
            using var api = await panel.WithTokenAsync();
            token = api.DefaultRequestHeaders.Authorization!.Parameter!;
            await ProcessPanel.DeployAsync(api, served, await GitRepo.CreateAsync(Apps.Static()), "static", new() { ["API_KEY"] = secret });

            // A second deployment's deploy is held mid-run while the backup is taken.
            gate.Hold(held);
            var second = await api.PostAsJsonAsync("/api/deployments", new { name = held, repo_url = (await GitRepo.CreateAsync(Apps.Static())).Url, project_type = "static", use_docker = false });
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
            await gate.WaitEnteredAsync(held);

            var backup = await WebOpsCli.RunAsync("backup", "--data", panel.DataFolder, "--to", archive);
            Assert.True(backup.ExitCode == 0, backup.Stderr);
            Assert.Equal(archive, backup.Stdout.Trim());
            Assert.Contains("webops restore", backup.Stderr, StringComparison.Ordinal);
            gate.Open(held);
        }

        var restored = Path.Combine(scratch, "restored");
        var restore = await WebOpsCli.RunAsync("restore", archive, "--data", restored);
        Assert.True(restore.ExitCode == 0, restore.Stderr);
        Assert.Contains($"webops serve --data {restored}", restore.Stderr, StringComparison.Ordinal);
        Assert.Equal(
            ["keys", "webops.db"],
            Directory.EnumerateFileSystemEntries(restored).Select(Path.GetFileName).Where(n => n is "keys" or "webops.db").Order());

        await using var again = await PanelApp.StartInFolderAsync(restored);
        using var client = again.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/deployments");
        Assert.Equal([held, served], list.EnumerateArray().Select(d => d.GetProperty("name").GetString()).Order());
        var revealed = await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{served}?reveal=true");
        Assert.Equal(secret, revealed.GetProperty("env_vars").GetProperty("API_KEY").GetString());

        // The run that was held when the backup was taken does not run on the restored panel: it ended at start-up.
        var heldRuns = await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{held}/runs");
        Assert.All(heldRuns.EnumerateArray(), r => Assert.NotEqual("running", r.GetProperty("result").GetString()));

        // Checkouts and release folders are not in a backup: a deploy on the restored panel brings the app back.
        await ProcessPanel.RedeployAsync(client, served);
        var redeployed = await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{served}");
        Assert.Equal("running", redeployed.GetProperty("status").GetString());
        Assert.Contains("static without docker", await ProcessPanel.TryGetAsync(redeployed.GetProperty("url").GetString()!) ?? "(no answer)", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_refuses_a_folder_that_holds_anything_and_leaves_it_as_it_was()
    {
        var archive = await BackupOfFreshPanelAsync();
        var target = Directory.CreateDirectory(Path.Combine(scratch, "busy")).FullName;
        File.WriteAllText(Path.Combine(target, "webops.db"), "someone's data");

        var restore = await WebOpsCli.RunAsync("restore", archive, "--data", target);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains($"The folder {target} is not empty", restore.Stderr, StringComparison.Ordinal);
        Assert.Equal("someone's data", File.ReadAllText(Path.Combine(target, "webops.db")));
        Assert.Single(Directory.EnumerateFileSystemEntries(target));
    }

    [Fact]
    public async Task A_damaged_archive_is_refused_and_nothing_is_left_in_the_target()
    {
        var archive = await BackupOfFreshPanelAsync();
        var bytes = File.ReadAllBytes(archive);
        bytes[bytes.Length / 2] ^= 0xFF;
        var damaged = Path.Combine(scratch, "damaged.tar.gz");
        File.WriteAllBytes(damaged, bytes);
        var target = Path.Combine(scratch, "from-damaged");

        var restore = await WebOpsCli.RunAsync("restore", damaged, "--data", target);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("damaged", restore.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", restore.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target), "a failed restore left its target folder behind");
    }

    [Fact]
    public async Task Backup_of_a_folder_without_panel_data_says_what_to_pass()
    {
        var empty = Directory.CreateDirectory(Path.Combine(scratch, "nothing")).FullName;

        var backup = await WebOpsCli.RunAsync("backup", "--data", empty, "--to", Path.Combine(scratch, "x.tar.gz"));

        Assert.Equal(1, backup.ExitCode);
        Assert.Contains("webops.db is missing", backup.Stderr, StringComparison.Ordinal);
        Assert.Contains("--data", backup.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(scratch, "x.tar.gz")));
    }

    [Fact]
    public async Task Scheduled_backups_appear_under_the_data_folder_and_only_the_newest_are_kept()
    {
        await using var panel = await PanelApp.StartAsync("--Backup:Interval=00:00:01", "--Backup:Keep=2");
        var folder = Path.Combine(panel.DataFolder, "backups");
        var seen = new HashSet<string>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (seen.Count < 4 && DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(folder))
            {
                var files = Directory.GetFiles(folder, "webops-*.tar.gz");
                Assert.True(files.Length <= 2, $"{files.Length} backups kept with Backup:Keep=2: {string.Join(", ", files)}");
                seen.UnionWith(files);
            }

            await Task.Delay(200);
        }

        Assert.True(seen.Count >= 4, $"only {seen.Count} scheduled backups appeared in 90 s");
        var newest = Directory.GetFiles(folder, "webops-*.tar.gz").Max()!;
        var restore = await WebOpsCli.RunAsync("restore", newest, "--data", Path.Combine(scratch, "scheduled"));
        Assert.True(restore.ExitCode == 0, restore.Stderr);
    }

    private async Task<string> BackupOfFreshPanelAsync()
    {
        var archive = Path.Combine(scratch, "fresh-" + Guid.NewGuid().ToString("N")[..6] + ".tar.gz");
        await using var panel = await PanelApp.StartAsync();
        var backup = await WebOpsCli.RunAsync("backup", "--data", panel.DataFolder, "--to", archive);
        Assert.True(backup.ExitCode == 0, backup.Stderr);
        return archive;
    }

    private static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];
}
