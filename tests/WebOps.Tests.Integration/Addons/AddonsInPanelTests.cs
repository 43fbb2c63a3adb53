using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Addons;

/// <summary>Fixture addons (shell scripts) inside the real panel: hook order in a deploy log, enable flags across restarts.</summary>
public sealed class AddonsInPanelTests : IDisposable
{
    private readonly string addons = Path.Combine(Path.GetTempPath(), "webops-addons-" + Guid.NewGuid().ToString("N")[..8]);

    public AddonsInPanelTests()
    {
        WriteScriptAddon("zeta", 10, "echo \"zeta saw $WEBOPS_DEPLOYMENT on branch $WEBOPS_BRANCH\"");
        WriteScriptAddon("alpha", 10, "read -r ctx; echo \"alpha read $(printf '%s' \"$ctx\" | grep -o '\"name\": *\"[^\"]*\"' | head -1)\"");
        WriteScriptAddon("early", 5, "echo early runs first");
    }

    public void Dispose() => Directory.Delete(addons, recursive: true);

    [Fact]
    public async Task A_deploy_shows_fixture_addon_hook_lines_in_priority_then_name_order()
    {
        await using var panel = await PanelApp.StartAsync($"--Addons:Path={addons}");
        using var client = await panel.WithTokenAsync();
        var repo = await GitRepo.CreateAsync(("index.html", "<h1>hooks</h1>"));

        var created = await client.PostAsJsonAsync("/api/deployments", new { name = "hooked", repo_url = repo.Url, project_type = "static" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await DeployWait.ForRunEndAsync(client, "hooked", minutes: 3);
        var log = (await client.GetFromJsonAsync<JsonElement>("/api/deployments/hooked/logs")).EnumerateArray()
            .Select(l => l.GetProperty("message").GetString()!).ToList();

        var early = log.FindIndex(l => l.Contains("early runs first", StringComparison.Ordinal));
        var alpha = log.FindIndex(l => l.Contains("alpha read \"name\": \"hooked\"", StringComparison.Ordinal)
                                       || l.Contains("alpha read \"name\":\"hooked\"", StringComparison.Ordinal));
        var zeta = log.FindIndex(l => l.Contains("zeta saw hooked on branch main", StringComparison.Ordinal));
        Assert.True(early >= 0 && alpha > early && zeta > alpha, "order early < alpha < zeta expected in:\n" + string.Join('\n', log));
    }

    [Fact]
    public async Task Disabling_an_addon_survives_a_restart_and_its_hooks_stop_running()
    {
        var data = Path.Combine(Path.GetTempPath(), "webops-test-" + Guid.NewGuid().ToString("N")[..8]);
        var first = await PanelApp.StartInFolderAsync(data, $"--Addons:Path={addons}");
        using (var client = await first.WithTokenAsync())
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/addons/zeta/disable", null)).StatusCode);
        }

        await first.StopAsync();

        await using var second = await PanelApp.StartInFolderAsync(data, $"--Addons:Path={addons}");
        using var again = await second.WithTokenAsync();
        var list = await again.GetFromJsonAsync<JsonElement>("/api/addons");
        Assert.False(list.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "zeta").GetProperty("enabled").GetBoolean());
        Assert.True(list.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "alpha").GetProperty("enabled").GetBoolean());
        var hooks = await again.GetFromJsonAsync<JsonElement>("/api/addons/hooks");
        Assert.DoesNotContain(hooks.EnumerateArray(), h => h.GetProperty("addon").GetString() == "zeta");
        string[] expected = ["early", "alpha"];
        Assert.Equal(expected, hooks.EnumerateArray().Where(h => h.GetProperty("event").GetString() == "pre_deployment")
            .Select(h => h.GetProperty("addon").GetString()!).ToArray());
    }

    private void WriteScriptAddon(string name, int priority, string body)
    {
        var folder = Directory.CreateDirectory(Path.Combine(addons, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "addon.yaml"), $"""
            name: {name}
            version: 1.0.0
            description: fixture addon {name}
            author: tests
            hooks:
              - event: pre_deployment
                priority: {priority}
                run: hook.sh
                timeout: 20s
            """);
        var script = Path.Combine(folder, "hook.sh");
        File.WriteAllText(script, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
    }
}
