using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;
using WebOps.Tests.Integration.ProcessAddon;
using Xunit.Abstractions;
using static WebOps.Tests.Integration.ProcessAddon.ProcessPanel;

namespace WebOps.Tests.Integration.Proxy;

/// <summary>
/// Redeploys of apps run without Docker and served through the edge, under load: the new release starts from its own
/// folder on its own port beside the old one, the edge switches once it answers, the old one drains and stops, and a
/// release that never answers is killed while the old one serves throughout.
/// </summary>
public sealed class ProcessZeroDowntimeTests(ITestOutputHelper output)
{
    private const int Redeploys = 5;

    // The start time bounds the hanging release's wait, and the crashing one must exit within it: gunicorn importing
    // Django and failing took longer than 8 s on a 2-core machine at load average 35, which read as "did not answer".
    private static readonly string[] PanelSettings = ["--Deployments:DrainTimeout=00:00:02", "--Process:StartTimeout=00:00:25"];

    [Fact]
    public async Task Five_redeploys_of_a_static_site_under_load_get_no_5xx_and_end_serving_the_last_content_from_one_release()
    {
        await using var caddy = await TestCaddy.StartAsync();
        await using var panel = await PanelApp.StartAsync(caddy.PanelArgs(PanelSettings));
        using var client = await panel.WithTokenAsync();
        var name = EdgeDeploys.Name("pzs");
        var domain = $"{name}.test";
        var repo = await GitRepo.CreateAsync(("index.html", "version 1"));
        await CreateAsync(client, name, repo, "static", domain);
        Assert.Equal("version 1", await EdgeGet.BodyAsync(caddy.HttpPort, domain));

        var ports = await RedeployUnderLoadAsync(client, caddy.HttpPort, name, domain, v => repo.CommitAsync($"version {v}", ("index.html", $"version {v}")), v => $"version {v}");

        Assert.Equal("version 6", await EdgeGet.BodyAsync(caddy.HttpPort, domain));
        // The site is served by the panel itself: only the last release's port is still open.
        Assert.Equal([ports[^1]], ports.Distinct().Where(PortOpen));
        await AssertOneReleaseRecordedAsync(client, panel, name, ports[^1]);
    }

    [Fact]
    public async Task Five_redeploys_of_a_django_app_under_load_get_no_5xx_and_leave_one_supervised_process_that_survives_a_panel_restart()
    {
        await using var caddy = await TestCaddy.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "webops-test-" + Guid.NewGuid().ToString("N")[..8]);
        var panel = await PanelApp.StartInFolderAsync(data, caddy.PanelArgs(PanelSettings));
        try
        {
            var name = EdgeDeploys.Name("pzd");
            var domain = $"{name}.test";
            List<int> ports;
            using (var client = await panel.WithTokenAsync())
            {
                var repo = await GitRepo.CreateAsync(Apps.Django("version 1"));
                await CreateAsync(client, name, repo, "django", domain);
                Assert.Equal("version 1 -", await EdgeGet.BodyAsync(caddy.HttpPort, domain));
                var firstPid = Pid(panel, name);

                ports = await RedeployUnderLoadAsync(
                    client, caddy.HttpPort, name, domain, v => repo.CommitAsync($"version {v}", Apps.Django($"version {v}")[4]), v => $"version {v} -");

                Assert.Equal("version 6 -", await EdgeGet.BodyAsync(caddy.HttpPort, domain));
                Assert.False(Alive(firstPid), $"the first release (pid {firstPid}) still runs");
                Assert.Equal([ports[^1]], ports.Distinct().Where(PortOpen));
                Assert.Single(AppProcessGroups(data, name));
                await AssertOneReleaseRecordedAsync(client, panel, name, ports[^1]);

                // The new release is the supervised one: killed, it is started again on its own port.
                var pid = Pid(panel, name);
                System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: false);
                await EventuallyAsync(async () => Pid(panel, name) is var p && p != pid && Alive(p)
                    && await TryGetAsync($"http://127.0.0.1:{ports[^1]}/") == "version 6 -", "the supervisor starts the killed new release again");
            }

            // After a panel restart the running release is adopted where it serves, and stopped by the Stop action; a
            // release left by a redeploy the panel stopped in the middle of is stopped.
            var adopted = Pid(panel, name);
            await panel.StopAsync();
            var leftover = await LeftoverReleaseAsync(data, name);
            panel = await PanelApp.StartInFolderAsync(data, caddy.PanelArgs(PanelSettings));
            Assert.Equal(adopted, Pid(panel, name));
            Assert.Equal("version 6 -", await EdgeGet.BodyAsync(caddy.HttpPort, domain));
            Assert.False(Alive(leftover), $"the leftover release (pid {leftover}) still runs after the panel started");
            Assert.False(File.Exists(Path.Combine(data, "apps", name, "next.pid")));
            using var again = await panel.WithTokenAsync();
            await ActAsync(again, name, "stop");
            Assert.False(PortOpen(ports[^1]));
            Assert.Empty(AppProcessGroups(data, name));
        }
        finally
        {
            KillLeftovers(data);
            await panel.DisposeAsync();
        }
    }

    [Fact]
    public async Task Django_releases_that_never_answer_or_crash_are_killed_with_their_workers_and_the_old_one_serves_throughout()
    {
        await using var caddy = await TestCaddy.StartAsync();
        await using var panel = await PanelApp.StartAsync(caddy.PanelArgs(PanelSettings));
        try
        {
            using var client = await panel.WithTokenAsync();
            var name = EdgeDeploys.Name("pzf");
            var domain = $"{name}.test";
            var repo = await GitRepo.CreateAsync(Apps.Django("version 1"));
            var port = (await CreateAsync(client, name, repo, "django", domain)).GetProperty("host_port").GetInt32();
            Assert.Equal("version 1 -", await EdgeGet.BodyAsync(caddy.HttpPort, domain));
            var pid = Pid(panel, name);
            var releases = ReleaseFolders(panel, name);

            string hung, crashed;
            await using (var load = EdgeLoad.Start(caddy.HttpPort, domain))
            {
                // gunicorn listens, but its worker never finishes loading the app: the port accepts and never answers.
                await repo.CommitAsync("hangs", ("mysite/wsgi.py", "import time\nprint(\"broken at start\", flush=True)\ntime.sleep(3600)\n"));
                hung = await RedeployExpectingFailureAsync(client, name);
                // The worker fails to load the app, and gunicorn exits.
                await repo.CommitAsync("crashes", ("mysite/wsgi.py", "print(\"crashed at start\", flush=True)\nraise RuntimeError(\"no app here\")\n"));
                crashed = await RedeployExpectingFailureAsync(client, name);
                await load.StopAsync();
                output.WriteLine($"{name}: {load.Failures.Count} of {load.Total} requests failed during two failed releases");
                Assert.True(load.Failures.Count == 0,
                    $"{load.Failures.Count} of {load.Total} requests failed, e.g.:\n{string.Join('\n', load.Failures.Take(5))}");
                Assert.Equal(["version 1 -"], load.Bodies.Keys);
            }

            Assert.Contains($"The new release of '{name}' did not answer HTTP on 127.0.0.1:", hung, StringComparison.Ordinal);
            Assert.Contains("stdout: broken at start", hung, StringComparison.Ordinal);
            Assert.Contains("the previous release kept serving", hung, StringComparison.Ordinal);
            Assert.Matches($"The new release of '{name}' exited with code [1-9][0-9]* before it answered on 127.0.0.1:", crashed);
            Assert.Contains("stdout: crashed at start", crashed, StringComparison.Ordinal);
            Assert.Contains("RuntimeError: no app here", crashed, StringComparison.Ordinal);
            Assert.Equal("version 1 -", await EdgeGet.BodyAsync(caddy.HttpPort, domain));
            var d = await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}");
            Assert.Equal(port, d.GetProperty("host_port").GetInt32());
            Assert.Equal(pid, Pid(panel, name));
            Assert.True(Alive(pid));
            // The whole process group of the new release went: gunicorn's master and its hanging worker.
            Assert.Single(AppProcessGroups(panel.DataFolder, name));
            Assert.False(File.Exists(Path.Combine(panel.DataFolder, "apps", name, "next.pid")));
            Assert.Equal(releases, ReleaseFolders(panel, name));
        }
        finally
        {
            KillLeftovers(panel.DataFolder);
        }
    }

    /// <summary>
    /// Five redeploys while four clients ask the edge; returns the host port of each release.
    /// </summary>
    private async Task<List<int>> RedeployUnderLoadAsync(
        HttpClient client, int httpPort, string name, string domain, Func<int, Task> commit, Func<int, string> body)
    {
        var ports = new List<int> { await HostPortAsync(client, name) };
        await using var load = EdgeLoad.Start(httpPort, domain);
        for (var version = 2; version <= 1 + Redeploys; version++)
        {
            await commit(version);
            await RedeployAsync(client, name);
            ports.Add(await HostPortAsync(client, name));
        }

        await load.StopAsync();
        var failed = $"{load.Failures.Count} of {load.Total} requests failed ({load.ServerErrors} with 5xx)";
        output.WriteLine($"{name}: {failed}; answers: {string.Join(", ", load.Bodies.Select(b => $"{b.Value} x '{b.Key}'"))}");
        failed += $", e.g.:\n{string.Join('\n', load.Failures.Take(5))}";
        // No request reached a release that was not ready or already stopped, and no client connection was closed.
        Assert.True(load.Failures.Count == 0, failed);
        // Every release served some of the load: the clients ran across all five switches.
        Assert.Equal(Enumerable.Range(1, 1 + Redeploys).Select(body).Order(StringComparer.Ordinal), load.Bodies.Keys.Order(StringComparer.Ordinal));
        EdgeLoad.AssertAlternate(ports);
        var log = await LogAsync(client, name);
        Assert.Contains($"on port {ports[1]} beside the running one on port {ports[0]}, which keeps serving.", log, StringComparison.Ordinal);
        Assert.Contains($"Stopped the previous release", log, StringComparison.Ordinal);
        // Every switch waited until Caddy's health checks had seen the slot files change, none ran out of time.
        Assert.DoesNotContain(EdgeLoad.NotSeen, log, StringComparison.Ordinal);
        return ports;
    }

    /// <summary>launch.json starts the last release on its port; only it and the one before keep a folder.</summary>
    private static async Task AssertOneReleaseRecordedAsync(HttpClient client, PanelApp panel, string name, int port)
    {
        var d = await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}");
        Assert.Equal(port, d.GetProperty("host_port").GetInt32());
        var launch = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(panel.DataFolder, "apps", name, "launch.json"))).RootElement;
        Assert.Equal(port, launch.GetProperty("HostPort").GetInt32());
        // The folder of the newest run (release-RUN) is the one launch.json runs; the one before is kept.
        var folders = ReleaseFolders(panel, name).OrderBy(f => int.Parse(f["release-".Length..], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, folders.Count);
        var running = Path.GetRelativePath(Path.Combine(panel.DataFolder, "apps", name), launch.GetProperty("WorkingDirectory").GetString()!);
        Assert.Equal(folders[^1], running.Split('/')[0]);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(panel.DataFolder, "apps", name), "*.pid"));
    }

    private static async Task<JsonElement> CreateAsync(HttpClient client, string name, GitRepo repo, string type, string domain)
    {
        var created = await client.PostAsJsonAsync("/api/deployments",
            new { name, repo_url = repo.Url, project_type = type, use_docker = false, domains = new[] { domain }, tls = "off" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            var runs = await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs");
            var result = runs.GetArrayLength() > 0 ? runs[0].GetProperty("result").GetString() : null;
            Assert.True(result != "failed", $"Deploy of '{name}' failed:\n{await LogAsync(client, name)}");
            if (result == "succeeded")
            {
                return await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}");
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The deploy of '{name}' did not end within 4 minutes:\n{await LogAsync(client, name)}");
    }

    /// <summary>Queues a deploy that must fail; returns the run's error.</summary>
    private static async Task<string> RedeployExpectingFailureAsync(HttpClient client, string name)
    {
        var queued = await client.PostAsync($"/api/deployments/{name}/deploy", null);
        Assert.True(queued.IsSuccessStatusCode, await queued.Content.ReadAsStringAsync());
        var runId = (await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            var runs = await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs");
            var run = runs.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == runId);
            var result = run.GetProperty("result").GetString();
            Assert.True(result != "succeeded", $"The redeploy of '{name}' succeeded:\n{await LogAsync(client, name)}");
            if (result == "failed")
            {
                return run.GetProperty("error").GetString()!;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The redeploy of '{name}' did not end within 4 minutes.");
    }

    /// <summary>A process in its own session recorded as the next release, as a panel stopped mid-redeploy leaves it.</summary>
    private static async Task<int> LeftoverReleaseAsync(string data, string name)
    {
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/setsid") { UseShellExecute = false };
        foreach (var argument in new[] { "sleep", "600" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stat = await File.ReadAllTextAsync($"/proc/{process.Id}/stat");
        var startTime = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
        await File.WriteAllTextAsync(Path.Combine(data, "apps", name, "next.pid"), $"{process.Id} {startTime}\n");
        return process.Id;
    }

    private static async Task<int> HostPortAsync(HttpClient client, string name) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}")).GetProperty("host_port").GetInt32();

    private static List<string> ReleaseFolders(PanelApp panel, string name) =>
        [.. Directory.EnumerateDirectories(Path.Combine(panel.DataFolder, "apps", name)).Select(f => Path.GetFileName(f)!)
            .Where(f => f != "venv").Order(StringComparer.Ordinal)];

    /// <summary>
    /// The process groups running the deployment's virtual environment (each release runs in its own session: the
    /// gunicorn master and its workers are one group).
    /// </summary>
    private static HashSet<string> AppProcessGroups(string dataFolder, string name)
    {
        var venv = Path.Combine(dataFolder, "apps", name, "venv") + "/";
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var proc in Directory.EnumerateDirectories("/proc").Where(p => int.TryParse(Path.GetFileName(p), out _)))
        {
            try
            {
                var command = File.ReadAllText(Path.Combine(proc, "cmdline")).Replace('\0', ' ');
                var stat = File.ReadAllText(Path.Combine(proc, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (command.Contains(venv, StringComparison.Ordinal) && fields[0] != "Z")
                {
                    groups.Add(fields[2]);
                }
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
        }

        return groups;
    }

}
