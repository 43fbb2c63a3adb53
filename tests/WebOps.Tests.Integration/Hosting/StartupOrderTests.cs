using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Hosting;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Hosting;

/// <summary>
/// The server listens before the addons' start-up work (here the Docker addon's settling of interrupted releases,
/// held up by an engine that does not answer): meanwhile /healthz says so, and a deploy waits for it.
/// </summary>
public sealed class StartupOrderTests
{
    [Fact]
    public async Task While_recovery_waits_on_the_engine_healthz_says_starting_and_a_deploy_request_waits_for_it()
    {
        var data = Path.Combine(Path.GetTempPath(), "webops-test-" + Guid.NewGuid().ToString("N")[..8]);
        var first = await PanelApp.StartInFolderAsync(data, "--Docker:Endpoint=unix:///tmp/webops-no-such-docker.sock", "--Health:Interval=00:05:00");
        using (var api = await first.WithTokenAsync())
        {
            var created = await api.PostAsJsonAsync("/api/deployments", new { name = "waits", repo_url = "file:///nonexistent/repo", use_docker = true });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        await first.StopAsync(); // keeps the data folder: the panel below starts on it

        using var engine = new SilentEngine();
        await using var panel = await PanelApp.StartListeningAsync(data, $"--Docker:Endpoint={engine.Endpoint}", "--Health:Interval=00:05:00");
        var recovery = panel.Services.GetRequiredService<StartupRecovery>();
        using var anonymous = panel.Anonymous();
        using var client = await panel.WithTokenAsync();

        using var starting = await anonymous.GetAsync("/healthz");
        var startingBody = await starting.Content.ReadAsStringAsync();
        Assert.False(recovery.IsFinished, "recovery finished before the engine answered; the test observed nothing");
        Assert.Equal(HttpStatusCode.OK, starting.StatusCode);
        Assert.Matches(
            "^" + Regex.Escape("{\"status\":\"starting\",\"database\":\"ok\",\"docker\":\"checking\",\"proxy\":\"disabled\"") + "(,\"compose\":\"[^\"]+\")?}$",
            startingBody);

        var deploy = client.PostAsync("/api/deployments/waits/deploy", null);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(recovery.IsFinished, "recovery finished while the engine was silent; the test observed nothing");
        Assert.False(deploy.IsCompleted, "the deploy request was answered before start-up recovery had finished");

        engine.Release();
        using var deployed = await deploy.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(recovery.IsFinished);
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());

        using var after = await anonymous.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        Assert.StartsWith("""{"status":"unavailable","database":"ok","docker":"unreachable",""", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
