using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Api;

public sealed class LogAndRestartTests
{
    [Fact]
    public async Task Deployment_log_keeps_only_the_newest_lines_the_setting_allows()
    {
        await using var panel = await PanelApp.StartAsync("--Deployments:MaxLogLines=4");
        using var client = await panel.WithTokenAsync();
        var repo = await GitRepo.CreateAsync(("index.html", "<p>x</p>"));

        await client.PostAsJsonAsync("/api/deployments", new { name = "trim", repo_url = repo.Url, branch = "nope" });
        await DeployWait.ForRunEndAsync(client, "trim");

        var lines = (await client.GetFromJsonAsync<JsonElement>("/api/deployments/trim/logs")).EnumerateArray().ToList();
        Assert.Equal(4, lines.Count);
        // The newest lines kept: the result, then the time per step every deploy log ends with.
        Assert.Contains("failed after", lines[^2].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Time per step:", lines[^1].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_llm_deployment_stays_pending_across_a_panel_restart()
    {
        var data = Path.Combine(Path.GetTempPath(), "webops-test-" + Guid.NewGuid().ToString("N")[..8]);
        var first = await PanelApp.StartInFolderAsync(data);
        using (var client = await first.WithTokenAsync())
        {
            var created = await client.PostAsJsonAsync("/api/deployments", new { name = "model", repo_url = "https://example.invalid/m.git", project_type = "llm", use_docker = true });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await first.StopAsync();
        await using var second = await PanelApp.StartInFolderAsync(data);
        using var again = await second.WithTokenAsync();

        var d = await again.GetFromJsonAsync<JsonElement>("/api/deployments/model");
        Assert.Equal("pending", d.GetProperty("status").GetString());
        Assert.Contains("Save the LLM settings", await again.GetStringAsync("/api/deployments/model/logs"), StringComparison.Ordinal);
    }
}
