using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;
using static WebOps.Tests.Integration.ProcessAddon.ProcessPanel;

namespace WebOps.Tests.Integration.ProcessAddon;

/// <summary>A Django 3.2 app deployed with use_docker off: gunicorn in a virtual environment, supervised by the panel.</summary>
public sealed class DjangoWithoutDockerTests
{
    [Fact]
    public async Task Django_app_is_served_stopped_started_restarted_and_revived_after_sigkill()
    {
        await using var panel = await PanelApp.StartAsync();
        try
        {
            using var client = await panel.WithTokenAsync();
            var repo = await GitRepo.CreateAsync(Apps.Django());
            var d = await DeployAsync(client, "djproc", repo, "django", new Dictionary<string, string> { ["GREETING"] = "from-env" });

            var url = d.GetProperty("url").GetString()!;
            var port = d.GetProperty("host_port").GetInt32();
            Assert.Equal($"http://127.0.0.1:{port}", url);
            Assert.Equal("process: gunicorn mysite.wsgi", d.GetProperty("command").GetString());
            Assert.True(d.GetProperty("process_id").GetInt32() > 0);
            Assert.Equal(JsonValueKind.Null, d.GetProperty("image").ValueKind);
            Assert.Equal("hello from django from-env", await TryGetAsync(url));
            var log = await LogAsync(client, "djproc");
            Assert.Contains("migrate --noinput", log, StringComparison.Ordinal);
            Assert.Contains("collectstatic --noinput", log, StringComparison.Ordinal);

            await ActAsync(client, "djproc", "stop");
            Assert.False(PortOpen(port), "the port still accepts connections after stop");

            await ActAsync(client, "djproc", "start");
            Assert.Equal("hello from django from-env", await TryGetAsync(url));

            var before = Pid(panel, "djproc");
            await ActAsync(client, "djproc", "restart");
            var after = Pid(panel, "djproc");
            Assert.NotEqual(before, after);
            Assert.False(Alive(before), $"old pid {before} still runs after restart");
            Assert.Equal("hello from django from-env", await TryGetAsync(url));

            System.Diagnostics.Process.GetProcessById(after).Kill(entireProcessTree: false);
            await EventuallyAsync(async () => Pid(panel, "djproc") is var p && p != after && Alive(p)
                && await TryGetAsync(url) == "hello from django from-env", "the supervisor starts a killed app again");

            var lines = await client.GetFromJsonAsync<JsonElement>("/api/deployments/djproc/runtime-logs?tail=500");
            var texts = lines.EnumerateArray().Select(l => (l.GetProperty("stream").GetString(), l.GetProperty("text").GetString()!)).ToList();
            Assert.Contains(texts, t => t.Item1 == "stdout" && t.Item2 == "served home");
            Assert.Contains(texts, t => t.Item1 == "stderr" && t.Item2.Contains("Listening at: http://127.0.0.1:" + port, StringComparison.Ordinal));
            Assert.Contains(texts, t => t.Item2.Contains($"pid {after} exited", StringComparison.Ordinal));
            Assert.True(File.Exists(Path.Combine(panel.DataFolder, "apps", "djproc", "app.log")));

            await repo.CommitAsync("new greeting", Apps.Django("second release")[4]);
            await RedeployAsync(client, "djproc");
            Assert.Equal("second release from-env", await TryGetAsync(url));
            Assert.Contains("The edge does not route 'djproc' (it is off or not answering, or the deployment has no domain), "
                + "so the previous release stops before the new one starts.", await LogAsync(client, "djproc"), StringComparison.Ordinal);
            Assert.Equal(["app.log", "current", "launch.json", "pid", "stderr.log", "stdout.log", "venv"],
                Directory.EnumerateFileSystemEntries(Path.Combine(panel.DataFolder, "apps", "djproc")).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            await ActAsync(client, "djproc", "stop");
            Assert.False(PortOpen(port));
        }
        finally
        {
            KillLeftovers(panel.DataFolder);
        }
    }

    [Fact]
    public async Task A_django_app_without_a_database_is_served_without_running_migrations()
    {
        await using var panel = await PanelApp.StartAsync();
        try
        {
            using var client = await panel.WithTokenAsync();
            // Django's own default is no database, where `manage.py migrate` fails with "settings.DATABASES is improperly configured".
            var files = Apps.Django("no database").Select(f => f.File == "mysite/settings.py"
                ? (f.File, "SECRET_KEY = \"test-only-not-secret\"\nDEBUG = False\nALLOWED_HOSTS = [\"*\"]\nROOT_URLCONF = \"mysite.urls\"\nINSTALLED_APPS = []\nMIDDLEWARE = []\n")
                : f).ToArray();

            var d = await DeployAsync(client, "djnodb", await GitRepo.CreateAsync(files), "django");

            Assert.Equal("no database -", await TryGetAsync(d.GetProperty("url").GetString()!));
            var log = await LogAsync(client, "djnodb");
            Assert.Contains("No migrations run: the settings set up no database (DATABASES is missing or empty).", log, StringComparison.Ordinal);
            Assert.DoesNotContain("migrate --noinput", log, StringComparison.Ordinal);
        }
        finally
        {
            KillLeftovers(panel.DataFolder);
        }
    }

    [Fact]
    public async Task Apps_keep_serving_across_a_panel_restart_and_are_still_managed()
    {
        var data = Path.Combine(Path.GetTempPath(), "webops-test-" + Guid.NewGuid().ToString("N")[..8]);
        var first = await PanelApp.StartInFolderAsync(data);
        PanelApp? second = null;
        try
        {
            string djangoUrl, siteUrl;
            int djangoPort, sitePort, pid;
            using (var client = await first.WithTokenAsync())
            {
                var django = await DeployAsync(client, "djkeep", await GitRepo.CreateAsync(Apps.Django("kept")), "django");
                var site = await DeployAsync(client, "sitekeep", await GitRepo.CreateAsync(Apps.Static()), "static");
                (djangoUrl, djangoPort) = (django.GetProperty("url").GetString()!, django.GetProperty("host_port").GetInt32());
                (siteUrl, sitePort) = (site.GetProperty("url").GetString()!, site.GetProperty("host_port").GetInt32());
                pid = Pid(first, "djkeep");
            }

            await first.StopAsync();
            Assert.Equal("kept -", await TryGetAsync(djangoUrl));
            Assert.False(PortOpen(sitePort), "a static site stops with the panel");

            second = await PanelApp.StartInFolderAsync(data);
            Assert.Equal(pid, Pid(second, "djkeep"));
            Assert.Equal("kept -", await TryGetAsync(djangoUrl));
            Assert.Contains("static without docker", await TryGetAsync(siteUrl), StringComparison.Ordinal);

            using var again = await second.WithTokenAsync();
            await ActAsync(again, "djkeep", "stop");
            Assert.False(PortOpen(djangoPort), "stop after a panel restart leaves the adopted app running");
            Assert.False(Alive(pid));
            await ActAsync(again, "sitekeep", "stop");
            Assert.False(PortOpen(sitePort));
        }
        finally
        {
            KillLeftovers(data);
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }
}
