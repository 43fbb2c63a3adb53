using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;
using WebOps.Tests.Integration.ProcessAddon;

namespace WebOps.Tests.Integration.Health;

/// <summary>With the docker addon disabled the panel runs without Docker: it never calls the engine.</summary>
public sealed class DockerAddonDisabledTests
{
    [Fact]
    public async Task Panel_with_the_docker_addon_disabled_serves_and_checks_apps_without_calling_the_engine()
    {
        var data = Path.Combine(Path.GetTempPath(), "webops-test-" + Guid.NewGuid().ToString("N")[..8]);
        using var engine = new ListeningSocket();
        var disabled = await WebOpsCli.RunAsync("addons", "disable", "docker", "--data", data);
        Assert.True(disabled.ExitCode == 0, disabled.Stderr);

        await using var panel = await PanelApp.StartInFolderAsync(data, $"--Docker:Endpoint={engine.Endpoint}");
        try
        {
            using var api = await panel.WithTokenAsync();
            // A saved Docker deployment is what makes /healthz ask the engine while the addon is in use.
            var created = await api.PostAsJsonAsync("/api/deployments", new { name = "in-docker", repo_url = "file:///nonexistent/repo", use_docker = true });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            await ProcessPanel.DeployAsync(api, "no-docker", await GitRepo.CreateAsync(Apps.Static()), "static");
            await ProcessPanel.EventuallyAsync(
                async () => (await api.GetFromJsonAsync<JsonElement>("/api/deployments/no-docker/health")).GetProperty("health").GetString() == "healthy",
                "the app deployed without Docker is checked and healthy");

            var healthz = await panel.Anonymous().GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
            Assert.Equal("""{"status":"ok","database":"ok","docker":"not used","proxy":"disabled"}""", await healthz.Content.ReadAsStringAsync());
            Assert.Equal(0, engine.Connections);
        }
        finally
        {
            ProcessPanel.KillLeftovers(data);
        }
    }
}
