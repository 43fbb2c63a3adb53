using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet;
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

    [DockerFact]
    public Task After_an_engine_restart_each_deployment_shows_whether_its_container_came_back() => EngineComesBackAsync(kill: false);

    /// <summary>
    /// A crash (the engine and its containerd killed) is what leaves apps down: the engine, when it starts again, spends
    /// a few seconds reporting the dead containers running, then marks them exited and does not restart them (restart
    /// count 0, whatever the policy). The panel must end up saying what the engine says, however that turns out.
    /// </summary>
    [DockerFact]
    public Task After_an_engine_crash_and_start_each_deployment_shows_what_the_engine_reports() => EngineComesBackAsync(kill: true);

    /// <summary>
    /// Two apps on the private engine; one loses its restart policy, so it stays stopped after an orderly restart.
    /// Sweeps are 10 minutes apart: only the panel's link to the engine can bring the states up to date.
    /// </summary>
    private async Task EngineComesBackAsync(bool kill)
    {
        await using var engine = await PrivateEngine.StartAsync();
        await using var panel = await FaultPanel.StartAsync(
            new Dictionary<string, string>(), $"--Docker:Endpoint={engine.Endpoint}", "--Health:Interval=00:10:00");
        var back = EdgeDeploys.Name("eback");
        var gone = EdgeDeploys.Name("egone");
        var repo = await GitRepo.CreateAsync(("Dockerfile", SiteDockerfile), ("site/index.html", $"{back} version 1"));
        foreach (var name in new[] { back, gone })
        {
            await CreateAsync(panel, name, repo);
            await DeployWait.ForRunEndAsync(panel.Api, name, minutes: 5);
            using var client = engine.Client();
            await WaitForAsync(panel, client, name, after: null, TimeSpan.FromMinutes(1));
        }

        using (var client = engine.Client())
        {
            await client.Containers.UpdateContainerAsync($"webops-{gone}", new ContainerUpdateParameters { RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No } });
        }

        if (kill)
        {
            await engine.KillAsync();
        }
        else
        {
            await engine.StopAsync();
        }

        // Taken before the start: the panel may reach the engine, and check every app, before this test's own ping gets
        // an answer. While the engine is down no check can find a container as it will be; any entry after this is new.
        var starting = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        await engine.StartAgainAsync();
        using (var client = engine.Client())
        {
            var limit = TimeSpan.FromSeconds(90);
            var backState = await WaitForAsync(panel, client, back, starting, limit);
            var backAfter = watch.Elapsed;
            var goneState = await WaitForAsync(panel, client, gone, starting, limit);
            var goneAfter = watch.Elapsed;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Engine {(kill ? "killed" : "stopped")} and started again; the panel agreed with it {backAfter.TotalSeconds:0.0} s ({back}: {backState}) and {goneAfter.TotalSeconds:0.0} s ({gone}: {goneState}) after it was started"));
            if (!kill)
            {
                Assert.Equal("running", backState);
                Assert.Equal("exited", goneState);
            }
        }
    }

    /// <summary>
    /// Waits (bounded) until the panel says what the engine says of the deployment's container: running and healthy
    /// for a running container, running (the app is meant to run) and unhealthy for any other, with, when
    /// <paramref name="after"/> is given, a history entry saying so taken after it (a health left over from before the
    /// engine went away does not count). Returns the container's state.
    /// </summary>
    private static async Task<string> WaitForAsync(FaultPanel panel, DockerClient client, string name, DateTimeOffset? after, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var state = (await client.Containers.InspectContainerAsync($"webops-{name}")).State ?? throw new InvalidOperationException($"webops-{name} has no state");
            var health = state.Running ? "healthy" : "unhealthy";
            var d = await panel.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}");
            var history = (await panel.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/health")).GetProperty("history");
            var fresh = after is null || history.EnumerateArray().Any(h =>
                h.GetProperty("status").GetString() == health && h.GetProperty("time").GetDateTimeOffset() >= after);
            if (d.GetProperty("status").GetString() == "running" && d.GetProperty("health").GetString() == health && fresh)
            {
                return state.Status;
            }

            var last = $"engine: {state.Status}; panel: status {d.GetProperty("status").GetString()}, health {d.GetProperty("health").GetString()}, newest entry {history.EnumerateArray().FirstOrDefault()}";
            Assert.True(DateTime.UtcNow < deadline, $"{name}: the panel did not agree with the engine within {limit.TotalSeconds:0} s; last: {last}\n{panel.Output}");
            await Task.Delay(200);
        }
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
