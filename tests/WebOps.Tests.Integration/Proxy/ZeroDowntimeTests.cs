using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet.Models;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.EndToEnd;
using WebOps.Tests.Integration.Infrastructure;
using WebOps.Tests.Integration.ProcessAddon;
using Xunit.Abstractions;

namespace WebOps.Tests.Integration.Proxy;

/// <summary>
/// Redeploys of a Docker app served through the edge, under load: the new release starts beside the old one and the
/// edge switches once it answers, so no request fails, and a release that never answers is never switched to.
/// </summary>
public sealed class ZeroDowntimeTests(ITestOutputHelper output)
{
    [DockerFact]
    public async Task Five_redeploys_of_a_static_site_under_load_get_no_5xx_and_end_serving_the_last_content()
    {
        await using var caddy = await TestCaddy.StartAsync();
        await using var world = await DeployedApp.StartAsync(caddy.PanelArgs("--Deployments:DrainTimeout=00:00:02"));
        var (name, domain, repo) = await DeployFirstAsync(world, caddy.HttpPort, "zd", Busybox("version 1"), "static", 8080);
        // A release left by a deploy that was killed before the switch: the next deploy removes it.
        await world.Engine.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = $"webops-{name}.next",
            Image = TestImages.Busybox,
            Labels = new Dictionary<string, string>(WebOps.Addons.Docker.Engine.Labels.ForRun(name, 0)),
        });

        var ports = await RedeployFiveTimesUnderLoadAsync(world, caddy.HttpPort, name, domain, v => repo.CommitAsync($"version {v}", ("site/index.html", $"version {v}")), v => $"version {v}");

        var log = await world.LogAsync(name);
        Assert.Contains($"Removed webops-{name}.next left by an interrupted deploy.", log, StringComparison.Ordinal);
        Assert.Contains($"Starting the new release as webops-{name}.next on port {ports[1]} beside webops-{name}, which keeps serving.", log, StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task Five_redeploys_of_a_django_app_under_load_get_no_5xx_and_end_serving_the_last_release()
    {
        await using var caddy = await TestCaddy.StartAsync();
        await using var world = await DeployedApp.StartAsync(caddy.PanelArgs("--Deployments:DrainTimeout=00:00:02"));
        var (name, domain, repo) = await DeployFirstAsync(world, caddy.HttpPort, "zddj", Apps.Django("version 1"), "django", null);

        await RedeployFiveTimesUnderLoadAsync(world, caddy.HttpPort, name, domain, v => repo.CommitAsync($"version {v}", Apps.Django($"version {v}")[4]), v => $"version {v} -");
    }

    /// <summary>
    /// Redeploys to versions 2 to 6 while 4 clients keep asking the edge; asserts what they saw and returns the host
    /// port of every release, first one included.
    /// </summary>
    private async Task<List<int>> RedeployFiveTimesUnderLoadAsync(
        DeployedApp world, int httpPort, string name, string domain, Func<int, Task> change, Func<int, string> body)
    {
        var ports = new List<int> { await HostPortAsync(world, name) };
        await using (var load = EdgeLoad.Start(httpPort, domain))
        {
            for (var version = 2; version <= 6; version++)
            {
                await change(version);
                var (result, error) = await world.RedeployAsync(name);
                Assert.True(result == "succeeded", $"redeploy to version {version} {result}: {error}\n{await world.LogAsync(name)}");
                ports.Add(await HostPortAsync(world, name));
            }

            await load.StopAsync();
            var failed = $"{load.Failures.Count} of {load.Total} requests failed ({load.ServerErrors} with 5xx)";
            output.WriteLine($"{name}: {failed}; answers: {string.Join(", ", load.Bodies.Select(b => $"{b.Value} x '{b.Key}'"))}");
            failed += $", e.g.:\n{string.Join('\n', load.Failures.Take(5))}\nports {string.Join(", ", ports)}\n{await world.LogAsync(name)}";

            // No request reached a release that was not ready or already stopped, and no client connection was closed:
            // a switch flips the slots' health files and never loads a new config (docs/architecture.md, "The edge").
            Assert.True(load.Failures.Count == 0, failed);
            Assert.True(load.Total > 1000, failed);
            // Every switch waited until Caddy's health checks had seen the slot files change, none ran out of time.
            Assert.DoesNotContain(EdgeLoad.NotSeen, await world.LogAsync(name), StringComparison.Ordinal);
            Assert.Contains(body(6), load.Bodies.Keys);
        }

        Assert.Equal(body(6), await EdgeGet.BodyAsync(httpPort, domain));
        // The releases took turns on the two ports of one pair of slots, so the edge config never changed; the
        // container kept its name for the runtime actions.
        EdgeLoad.AssertAlternate(ports);
        Assert.Equal([$"/webops-{name}"], (await world.ContainersAsync(name)).SelectMany(c => c.Names));
        return ports;
    }

    [DockerFact]
    public async Task A_release_that_never_answers_is_removed_and_the_old_one_serves_throughout()
    {
        await using var caddy = await TestCaddy.StartAsync();
        await using var world = await DeployedApp.StartAsync(caddy.PanelArgs("--Deployments:DrainTimeout=00:00:02"));
        var (name, domain, repo) = await DeployFirstAsync(world, caddy.HttpPort, "zdfail", Busybox("version 1"), "static", 8080);
        var port = await HostPortAsync(world, name);

        await using (var load = EdgeLoad.Start(caddy.HttpPort, domain))
        {
            await repo.CommitAsync("broken", ("Dockerfile", $"FROM {TestImages.Busybox}\nCMD [\"sh\", \"-c\", \"echo broken at start; exit 4\"]\n"));
            var (result, error) = await world.RedeployAsync(name);

            await load.StopAsync();
            output.WriteLine($"{name}: {load.Failures.Count} of {load.Total} requests failed during a failed release");
            Assert.Equal("failed", result);
            Assert.Contains($"Container webops-{name}.next exited with code 4.", error, StringComparison.Ordinal);
            Assert.Contains("broken at start", error, StringComparison.Ordinal);
            Assert.True(load.Failures.Count == 0,
                $"{load.Failures.Count} of {load.Total} requests failed, e.g.:\n{string.Join('\n', load.Failures.Take(5))}");
            Assert.Equal(["version 1"], load.Bodies.Keys);
        }

        Assert.Equal("version 1", await EdgeGet.BodyAsync(caddy.HttpPort, domain));
        Assert.Equal(port, await HostPortAsync(world, name));
        Assert.Equal([$"/webops-{name}"], (await world.ContainersAsync(name)).SelectMany(c => c.Names));
    }

    private static (string File, string Content)[] Busybox(string page) =>
        [("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY site/ /www/\n"), ("site/index.html", page)];

    private static async Task<(string Name, string Domain, GitRepo Repo)> DeployFirstAsync(
        DeployedApp world, int httpPort, string prefix, (string File, string Content)[] files, string projectType, int? port)
    {
        var name = world.NewName(prefix);
        var domain = $"{name}.test";
        var repo = await GitRepo.CreateAsync(files);
        using (var created = await world.Api.PostAsJsonAsync("/api/deployments", new
        {
            name,
            repo_url = repo.Url,
            use_docker = true,
            project_type = projectType,
            port,
            domains = new[] { domain },
            tls = "off",
        }))
        {
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        var d = await world.WaitForDeployAsync(name);
        Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
        Assert.StartsWith("version 1", await EdgeGet.BodyAsync(httpPort, domain), StringComparison.Ordinal);
        return (name, domain, repo);
    }

    private static async Task<int> HostPortAsync(DeployedApp world, string name) =>
        (await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}")).GetProperty("host_port").GetInt32();

}
