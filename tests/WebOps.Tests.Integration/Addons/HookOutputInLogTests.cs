using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Addons;

/// <summary>What a hook prints for a terminal reaches the deployment log as text a reader can use.</summary>
public sealed class HookOutputInLogTests : IDisposable
{
    private readonly string addons = Path.Combine(Path.GetTempPath(), "webops-addons-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose() => Directory.Delete(addons, recursive: true);

    [Fact]
    public async Task Colour_codes_are_removed_and_stderr_lines_are_warnings()
    {
        var folder = Directory.CreateDirectory(Path.Combine(addons, "painter")).FullName;
        File.WriteAllText(Path.Combine(folder, "addon.yaml"), """
            name: painter
            version: 1.0.0
            description: prints in colour
            author: tests
            hooks:
              - event: pre_deployment
                run: hook.sh
                timeout: 20s
            """);
        var script = Path.Combine(folder, "hook.sh");
        File.WriteAllText(script, """
            #!/bin/sh
            printf '\033[32mready\033[0m \033]0;a window title\007to \033[1;4mgo\033[m\n'
            printf '\033[91mERROR: something odd\n\033[0m' >&2
            """);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await using var panel = await PanelApp.StartAsync($"--Addons:Path={addons}");
        using var client = await panel.WithTokenAsync();
        var repo = await GitRepo.CreateAsync(("index.html", "<h1>colours</h1>"));

        await client.PostAsJsonAsync("/api/deployments", new { name = "painted", repo_url = repo.Url, project_type = "static" });
        await DeployWait.ForRunEndAsync(client, "painted", minutes: 3);
        var lines = (await client.GetFromJsonAsync<JsonElement>("/api/deployments/painted/logs")).EnumerateArray()
            .Where(l => l.GetProperty("source").GetString() == "addon:painter")
            .Select(l => (Level: l.GetProperty("level").GetString(), Message: l.GetProperty("message").GetString()!))
            .ToList();

        var shown = string.Join('\n', lines.Select(l => $"[{l.Level}] {l.Message}"));
        Assert.True(lines.Contains(("info", "ready to go")), shown);
        Assert.True(lines.Contains(("warning", "ERROR: something odd")), shown);
        Assert.DoesNotContain(lines, l => l.Message.Length == 0 || l.Message.Any(char.IsControl));
    }
}
