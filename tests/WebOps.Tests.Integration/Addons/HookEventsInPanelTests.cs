using System.Net;
using System.Net.Http.Json;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Addons;

/// <summary>
/// A script addon hooked on every hook point records what each run was told (WEBOPS_EVENT and the JSON's
/// "event"), while the real panel deploys a static site with the shipped process addon.
/// </summary>
public sealed class HookEventsInPanelTests : IDisposable
{
    private readonly string extra = Path.Combine(Path.GetTempPath(), "webops-events-" + Guid.NewGuid().ToString("N")[..8]);

    public HookEventsInPanelTests()
    {
        var folder = Directory.CreateDirectory(Path.Combine(extra, "recorder")).FullName;
        File.WriteAllText(Path.Combine(folder, "addon.yaml"), """
            name: recorder
            version: 1.0.0
            description: records the event each hook run is told
            author: tests
            hooks:
              - event: pre_deployment
                run: hook.sh
                timeout: 20s
              - event: post_deployment
                run: hook.sh
                timeout: 20s
              - event: health_check
                run: hook.sh
                timeout: 20s
            """);
        var script = Path.Combine(folder, "hook.sh");
        File.WriteAllText(script, """
            #!/bin/sh
            read -r ctx
            told=$(printf '%s' "$ctx" | grep -o '"event": *"[^"]*"' | head -1 | sed 's/.*"\([^"]*\)"$/\1/')
            echo "$WEBOPS_EVENT $told" >> "$WEBOPS_ADDON_DIR/events.log"
            """.Replace("\r", "", StringComparison.Ordinal) + "\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private string Recorded => Path.Combine(extra, "recorder", "events.log");

    public void Dispose() => Directory.Delete(extra, recursive: true);

    [Fact]
    public async Task Each_hook_point_of_a_deploy_and_of_the_health_monitor_is_told_its_own_event()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "addons");
        await using var panel = await PanelApp.StartAsync(
            $"--Addons:Path={shipped}", $"--Addons:ExtraPaths:0={extra}", "--Health:Interval=00:00:01");
        using var client = await panel.WithTokenAsync();
        var repo = await GitRepo.CreateAsync(("index.html", "<h1>events</h1>"));
        var name = "ev-" + Guid.NewGuid().ToString("N")[..6];

        var created = await client.PostAsJsonAsync("/api/deployments", new { name, repo_url = repo.Url, project_type = "static" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var deployed = await DeployWait.ForRunEndAsync(client, name, minutes: 3);
        Assert.Equal("running", deployed.GetProperty("status").GetString());
        var lines = await WaitForLineAsync("health_check health_check", TimeSpan.FromSeconds(60));

        Assert.Equal(["pre_deployment pre_deployment", "post_deployment post_deployment"], lines.Take(2));
        Assert.All(lines.Skip(2), l => Assert.Equal("health_check health_check", l));
        try
        {
            await client.DeleteAsync($"/api/deployments/{name}");
        }
        catch (HttpRequestException)
        {
            // Cleanup only; the panel's data folder goes with the test.
        }
    }

    /// <summary>The recorded lines once <paramref name="line"/> is among them (the health monitor runs on its own clock).</summary>
    private async Task<string[]> WaitForLineAsync(string line, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var lines = File.Exists(Recorded) ? await File.ReadAllLinesAsync(Recorded) : [];
            if (lines.Contains(line) || DateTime.UtcNow > deadline)
            {
                return lines;
            }

            await Task.Delay(250);
        }
    }
}
