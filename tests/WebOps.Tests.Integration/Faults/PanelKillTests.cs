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
/// The panel SIGKILLed at each step of a redeploy of a Docker app served through the edge (clone, build, start, switch),
/// each step reached for real (a held clone, a build step that sleeps, an app that is slow to listen, a long drain).
/// After a restart on the same data: the run says the panel stopped, at most one release of the app runs (none named
/// <c>.next</c> or <c>.previous</c>), the app serves and the deployment says running and healthy, and a redeploy works.
/// </summary>
public sealed class PanelKillTests(ITestOutputHelper output)
{
    public enum Step
    {
        Clone,
        Build,
        Start,
        Switch,
    }

    private static string SiteDockerfile => $"FROM {TestImages.Busybox}\nCOPY site/ /www/\n";

    [DockerFact]
    public Task Killed_while_cloning_the_run_is_interrupted_the_app_serves_and_a_redeploy_works() => KillDuringAsync("kclone", Step.Clone);

    [DockerFact]
    public Task Killed_while_building_the_run_is_interrupted_the_app_serves_and_a_redeploy_works() => KillDuringAsync("kbuild", Step.Build);

    [DockerFact]
    public Task Killed_while_the_new_release_starts_it_is_removed_at_restart_and_the_old_one_serves() => KillDuringAsync("kstart", Step.Start);

    [DockerFact]
    public Task Killed_during_the_drain_after_the_switch_the_new_release_is_kept_and_the_old_one_removed() => KillDuringAsync("kswitch", Step.Switch);

    private async Task KillDuringAsync(string prefix, Step step)
    {
        using var clone = new HeldClone();
        var environment = new Dictionary<string, string> { ["GIT_CONFIG_GLOBAL"] = clone.GlobalConfig };
        await using var panel = await FaultPanel.StartAsync(environment, "--Deployments:DrainTimeout=00:05:00");
        var name = EdgeDeploys.Name(prefix);
        // Version 1 can hold a request, which keeps the drain after the switch going until the panel is killed.
        var repo = await GitRepo.CreateAsync(("Dockerfile", HeldSiteDockerfile), ("site/index.html", $"{name} version 1"), ("site/cgi-bin/held", HeldScript));
        using var held = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var release = new CancellationTokenSource();
        try
        {
            using (var created = await panel.Api.PostAsJsonAsync("/api/deployments", new
            {
                name,
                repo_url = repo.Url,
                use_docker = true,
                project_type = "static",
                port = 8080,
                domains = new[] { Domain(name) },
                tls = "off",
            }))
            {
                Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            }

            await AssertSucceededAsync(panel, name, 0);
            await EventuallyServesAsync(panel, name, "version 1");

            if (step == Step.Switch)
            {
                _ = HoldRequestAsync(held, panel, name, release.Token);
                await WaitHeldAsync(name);
            }

            var killedRun = await RedeployAsync(panel, repo, name, step);
            await WaitForStepAsync(panel, clone, name, step);
            await panel.KillAsync();
            output.WriteLine($"{step}: panel killed");
            if (step == Step.Clone)
            {
                clone.Hold = false;
            }

            // The redeploy after the restart need not hold its drain: the step it was killed in is over.
            await panel.StartAgainAsync("--Deployments:DrainTimeout=00:00:01");

            var run = (await panel.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs"))
                .EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == killedRun);
            Assert.Equal("failed", run.GetProperty("result").GetString());
            Assert.Contains("the panel stopped during this deploy", run.GetProperty("error").GetString(), StringComparison.Ordinal);
            var serving = await OneReleaseRunsAsync(name);
            Assert.Equal($"/webops-{name}", serving);
            await EventuallyServesAsync(panel, name, step == Step.Switch ? "version 2" : "version 1");
            await WaitForStateAsync(panel, name, "running", "healthy");

            await repo.CommitAsync("version 3", ("Dockerfile", SiteDockerfile), ("site/index.html", $"{name} version 3"));
            using (var again = await panel.Api.PostAsync($"/api/deployments/{name}/deploy", null))
            {
                Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
                await AssertSucceededAsync(panel, name, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32() - 1);
            }

            await EventuallyServesAsync(panel, name, "version 3");
            Assert.Equal($"/webops-{name}", await OneReleaseRunsAsync(name));
        }
        finally
        {
            await release.CancelAsync();
            await RemoveLabelledAsync(name);
        }
    }

    /// <summary>
    /// No domain, so no edge: the redeploy stops the running release first and sets it aside as <c>.previous</c>. Killed
    /// while the new release starts (it listens only after 300 s), the restarted panel keeps the new release, which
    /// runs, removes the set-aside one, and says failed: nothing answers on the app's port.
    /// </summary>
    [DockerFact]
    public async Task Killed_while_a_stop_first_release_starts_the_set_aside_release_goes_and_the_status_says_failed()
    {
        await using var panel = await FaultPanel.StartAsync(new Dictionary<string, string>());
        var name = EdgeDeploys.Name("kprev");
        var repo = await GitRepo.CreateAsync(("Dockerfile", SiteDockerfile), ("site/index.html", $"{name} version 1"));
        try
        {
            using (var created = await panel.Api.PostAsJsonAsync("/api/deployments", new { name, repo_url = repo.Url, use_docker = true, project_type = "static", port = 8080 }))
            {
                Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            }

            await AssertSucceededAsync(panel, name, 0);
            await WaitForStateAsync(panel, name, "running", "healthy");
            await RedeployAsync(panel, repo, name, Step.Start);
            await panel.WaitForLogAsync(name, "it is kept until the new one answers", TimeSpan.FromMinutes(2));
            await WaitRunningAsync($"webops-{name}", TimeSpan.FromMinutes(1));
            await panel.KillAsync();

            await panel.StartAgainAsync();

            Assert.Equal($"/webops-{name}", await OneReleaseRunsAsync(name));
            await WaitForStateAsync(panel, name, "failed", null);
        }
        finally
        {
            await RemoveLabelledAsync(name);
        }
    }

    /// <summary>Waits (bounded, generously: start-up checks once, a health check follows) for the deployment's status and health.</summary>
    private static async Task WaitForStateAsync(FaultPanel panel, string name, string status, string? health)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var d = await panel.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}");
            var (now, healthNow) = (d.GetProperty("status").GetString(), d.GetProperty("health").GetString());
            if (now == status && (health is null || healthNow == health))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{name} is {now} ({healthNow}), not {status}{(health is null ? "" : $" ({health})")}, 60 s after the restart\n{panel.Output}\n{await panel.LogAsync(name)}");
            await Task.Delay(200);
        }
    }

    private static string Domain(string name) => $"{name}.test";

    private static string HeldSiteDockerfile => $"{SiteDockerfile}RUN [\"/bin/busybox\", \"chmod\", \"755\", \"/www/cgi-bin/held\"]\n";

    /// <summary>A CGI script that answers after 5 minutes; /tmp/held says it runs.</summary>
    private const string HeldScript = "#!/bin/sh\n/bin/busybox touch /tmp/held\n/bin/busybox sleep 300\necho 'Content-Type: text/plain'\necho ''\necho held\n";

    /// <summary>A request through the edge that the release serving now holds; how it ends (its container goes) is of no interest.</summary>
    private static async Task HoldRequestAsync(HttpClient http, FaultPanel panel, string name, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{panel.HttpPort}/cgi-bin/held");
        request.Headers.Host = Domain(name);
        try
        {
            using var response = await http.SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // The panel was killed and the old release removed, or the test ended.
        }
    }

    /// <summary>Waits (bounded) until the held request runs in the serving container.</summary>
    private static async Task WaitHeldAsync(string name)
    {
        using var engine = Engine();
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var exec = await engine.Exec.CreateContainerExecAsync($"webops-{name}", new() { Cmd = ["/bin/busybox", "test", "-f", "/tmp/held"] });
            using (var output = await engine.Exec.StartContainerExecAsync(exec.ID, new()))
            {
                await output.ReadOutputToEndAsync(default);
            }

            if ((await engine.Exec.InspectContainerExecAsync(exec.ID)).ExitCode == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the held request did not reach webops-{name} within a minute");
            await Task.Delay(200);
        }
    }

    /// <summary>Commits what makes <paramref name="step"/> last, asks for a redeploy and returns its run id.</summary>
    private static async Task<int> RedeployAsync(FaultPanel panel, GitRepo repo, string name, Step step)
    {
        var dockerfile = step switch
        {
            Step.Build => $"FROM {TestImages.Busybox}\nRUN echo held-build-step {name} && sleep 60\nCOPY site/ /www/\n",
            Step.Start => $"FROM {TestImages.Busybox}\nCOPY site/ /www/\nCMD [\"sh\", \"-c\", \"sleep 300; exec busybox httpd -f -p 8080 -h /www\"]\n",
            _ => SiteDockerfile,
        };
        await repo.CommitAsync("version 2", ("Dockerfile", dockerfile), ("site/index.html", $"{name} version 2"));
        using var run = await panel.Api.PostAsync($"/api/deployments/{name}/deploy", null);
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        return (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>Waits (bounded) on the real sign that the deploy is in <paramref name="step"/>.</summary>
    private static async Task WaitForStepAsync(FaultPanel panel, HeldClone clone, string name, Step step)
    {
        var limit = TimeSpan.FromMinutes(2);
        switch (step)
        {
            case Step.Clone:
                clone.Hold = true;
                await clone.WaitHeldAsync(limit);
                break;
            case Step.Build:
                await panel.WaitForLogAsync(name, "held-build-step", limit);
                break;
            case Step.Start:
                await panel.WaitForLogAsync(name, $"Starting the new release as webops-{name}.next", limit);
                await WaitRunningAsync($"webops-{name}.next", limit);
                break;
            case Step.Switch:
                await panel.WaitForLogAsync(name, $"The previous container webops-{name} drains until the edge has no request in flight to it", limit);
                await WaitRunningAsync($"webops-{name}.next", limit);
                await WaitRunningAsync($"webops-{name}", limit);
                break;
        }
    }

    private static DockerClient Engine() => new DockerClientBuilder().WithEndpoint(new Uri(DockerAvailability.Endpoint)).Build();

    private static async Task WaitRunningAsync(string container, TimeSpan limit)
    {
        using var engine = Engine();
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var running = await engine.Containers.ListContainersAsync(new ContainersListParameters
            {
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [$"^/{container}$"] = true } },
            });
            if (running.Count == 1)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{container} was not running within {limit.TotalSeconds:0} s.");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Asserts that exactly one container of the deployment runs and none is a <c>.next</c> or <c>.previous</c> left over (stopped or
    /// not); returns its name. Start-up settles them before the panel answers; the short wait only absorbs the engine.
    /// </summary>
    private static async Task<string> OneReleaseRunsAsync(string name)
    {
        using var engine = Engine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var all = await engine.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = Labelled(name) });
            var running = all.Where(c => c.State == "running").ToList();
            var described = string.Join(", ", all.Select(c => $"{c.Names[0]} ({c.State})"));
            if (running.Count == 1 && !all.Any(c => c.Names[0].EndsWith(".next", StringComparison.Ordinal) || c.Names[0].EndsWith(".previous", StringComparison.Ordinal)))
            {
                return running[0].Names[0];
            }

            Assert.True(DateTime.UtcNow < deadline, $"Expected one release of {name} running and no .next or .previous; found: {described}");
            await Task.Delay(200);
        }
    }

    private static Dictionary<string, IDictionary<string, bool>> Labelled(string name) =>
        new() { ["label"] = new Dictionary<string, bool> { [$"webops.deployment={name}"] = true } };

    private static async Task AssertSucceededAsync(FaultPanel panel, string name, int afterRun)
    {
        await DeployWait.ForRunEndAsync(panel.Api, name, afterRun, minutes: 5);
        var last = (await panel.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs"))[0];
        Assert.True(last.GetProperty("result").GetString() == "succeeded", $"deploy of {name}: {last.GetProperty("error")}\n{await panel.LogAsync(name)}");
    }

    private static async Task EventuallyServesAsync(FaultPanel panel, string name, string body)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{panel.HttpPort}/");
            request.Headers.Host = Domain(name);
            try
            {
                using var response = await http.SendAsync(request);
                last = $"{(int)response.StatusCode}: {(await response.Content.ReadAsStringAsync()).Trim()}";
                if (response.IsSuccessStatusCode && last.EndsWith(body, StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{Domain(name)} did not answer '{body}' through the edge within 30 s; last: {last}\n{panel.Output}\n{await panel.LogAsync(name)}");
    }

    private static async Task RemoveLabelledAsync(string name)
    {
        using var engine = Engine();
        foreach (var c in await engine.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = Labelled(name) }))
        {
            await engine.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true });
        }

        foreach (var i in await engine.Images.ListImagesAsync(new ImagesListParameters { Filters = Labelled(name) }))
        {
            try
            {
                await engine.Images.DeleteImageAsync(i.ID, new ImageDeleteParameters { Force = true });
            }
            catch (DockerApiException)
            {
                // Already removed with another tag of the same image.
            }
        }
    }
}
