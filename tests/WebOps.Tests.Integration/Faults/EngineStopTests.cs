using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet.Models;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;
using WebOps.Tests.Integration.Proxy;
using Xunit.Abstractions;

namespace WebOps.Tests.Integration.Faults;

/// <summary>
/// The Docker engine killed under the panel (a private engine, so the shared one is never touched): a build it was
/// running fails at once with a message that says so and the build's last lines, nothing half-made stays, the next
/// deploy works.
/// </summary>
public sealed class EngineStopTests(ITestOutputHelper output)
{
    private static string SiteDockerfile => $"FROM {TestImages.Busybox}\nCOPY site/ /www/\n";

    [DockerFact]
    public async Task A_build_running_when_the_engine_is_killed_fails_at_once_saying_so_and_the_next_deploy_works()
    {
        await using var engine = await PrivateEngine.StartAsync();
        await using var panel = await FaultPanel.StartAsync(new Dictionary<string, string>(), $"--Docker:Endpoint={engine.Endpoint}");
        var name = EdgeDeploys.Name("estop");
        var repo = await GitRepo.CreateAsync(
            ("Dockerfile", $"FROM {TestImages.Busybox}\nRUN echo {name}-held-$((20+22)) && sleep 60\nCOPY site/ /www/\n"), ("site/index.html", $"{name} version 1"));
        await CreateAsync(panel, name, repo);
        // The step's own output (the command's text says $((20+22)), its output 42): the build really runs it.
        await panel.WaitForLogAsync(name, $"{name}-held-42", TimeSpan.FromMinutes(2));

        await engine.KillAsync();
        var killed = Stopwatch.StartNew();
        await DeployWait.ForRunEndAsync(panel.Api, name, minutes: 1);
        killed.Stop();
        var run = (await panel.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs"))[0];
        var error = run.GetProperty("error").GetString() ?? "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Engine killed: the run failed {killed.Elapsed.TotalSeconds:0.0} s later with: {error}"));

        Assert.Equal("failed", run.GetProperty("result").GetString());
        Assert.True(killed.Elapsed < TimeSpan.FromSeconds(30), $"the run took {killed.Elapsed.TotalSeconds:0.0} s to fail");
        Assert.Contains("the Docker engine stopped answering", error, StringComparison.Ordinal);
        Assert.Contains($"the build's last lines: {name}-held-42.", error, StringComparison.Ordinal);

        await engine.StartAgainAsync();
        using (var client = engine.Client())
        {
            var left = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = Labelled(name) });
            Assert.True(left.Count == 0, $"containers left: {string.Join(", ", left.Select(c => c.Names[0]))}");
        }

        await repo.CommitAsync("version 2", ("Dockerfile", SiteDockerfile), ("site/index.html", $"{name} version 2"));
        var deployment = await RedeployAsync(panel, name);
        Assert.Equal("running", deployment.GetProperty("status").GetString());
    }

    private static Dictionary<string, IDictionary<string, bool>> Labelled(string name) =>
        new() { ["label"] = new Dictionary<string, bool> { [$"webops.deployment={name}"] = true } };

    private static async Task CreateAsync(FaultPanel panel, string name, GitRepo repo)
    {
        using var created = await panel.Api.PostAsJsonAsync("/api/deployments", new
        {
            name,
            repo_url = repo.Url,
            use_docker = true,
            project_type = "static",
            port = 8080,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> RedeployAsync(FaultPanel panel, string name)
    {
        using var again = await panel.Api.PostAsync($"/api/deployments/{name}/deploy", null);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var id = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var deployment = await DeployWait.ForRunEndAsync(panel.Api, name, id - 1, minutes: 3);
        var last = (await panel.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs"))[0];
        Assert.True(last.GetProperty("result").GetString() == "succeeded", $"redeploy: {last.GetProperty("error")}\n{await panel.LogAsync(name)}");
        return deployment;
    }
}
