using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;
using static WebOps.Tests.Integration.ProcessAddon.ProcessPanel;

namespace WebOps.Tests.Integration.ProcessAddon;

/// <summary>
/// A process app with limits where nothing can enforce them: systemd is not PID 1 here and the panel supervises the app,
/// so the deploy says so in one line of its log, and the app runs unwrapped.
/// </summary>
public sealed class ProcessLimitsNoteTests
{
    [Fact]
    public async Task A_deploy_whose_limits_cannot_be_enforced_says_so_in_one_log_line_and_still_runs_the_app()
    {
        var name = $"lim-{Guid.NewGuid():N}"[..12];
        await using var panel = await PanelApp.StartAsync("--Systemd:AssumePid1=false");
        try
        {
            using var client = await panel.WithTokenAsync();
            var repo = await GitRepo.CreateAsync(Apps.Django());
            var created = await client.PostAsJsonAsync("/api/deployments",
                new { name, repo_url = repo.Url, project_type = "django", use_docker = false, memory_limit = "64m", cpu_limit = 0.5m });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            await WaitForRunAsync(client, name);

            var log = (await LogAsync(client, name)).Split('\n');
            Assert.Equal(
                [
                    $"The limits of '{name}' (memory_limit 64 MiB, cpu_limit 0.5) are not enforced: process apps get them from a systemd "
                    + "scope, and systemd is not PID 1 here. Run it with Docker (use_docker) to have them enforced.",
                ],
                log.Where(l => l.Contains("limits", StringComparison.Ordinal)));
            var d = await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}");
            Assert.Equal("process: gunicorn mysite.wsgi", d.GetProperty("command").GetString());
            Assert.Equal("hello from django -", await TryGetAsync(d.GetProperty("url").GetString()!));
        }
        finally
        {
            KillLeftovers(panel.DataFolder);
        }
    }

    private static async Task WaitForRunAsync(HttpClient client, string name)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            var runs = await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs");
            switch (runs.GetArrayLength() > 0 ? runs[0].GetProperty("result").GetString() : null)
            {
                case "succeeded":
                    return;
                case "failed":
                    Assert.Fail($"Deploy of '{name}' failed:\n{await LogAsync(client, name)}");
                    break;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The deploy of '{name}' did not end within 4 minutes:\n{await LogAsync(client, name)}");
    }
}
