using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Swarm;

/// <summary>Swarm deployments through the panel, on the two-node test cluster; every service made is removed by label.</summary>
[Collection(SwarmCollection.Name)]
public sealed class SwarmDeployTests
{
    [SwarmFact]
    public async Task A_two_replica_deployment_runs_one_task_on_each_node_and_each_answers_on_its_host_port()
    {
        await SwarmClusterFixture.EnsureSwarmAsync();
        var name = "sw-" + Guid.NewGuid().ToString("N")[..8];
        await using var panel = await StartPanelAsync();
        using var manager = new DockerClientBuilder().WithEndpoint(new Uri(SwarmClusterFixture.ManagerEndpoint)).Build();
        try
        {
            using var api = await panel.WithTokenAsync();
            var repo = await GitRepo.CreateAsync(
                ("Dockerfile", $"FROM {TestImages.Busybox}\nCMD [\"sh\", \"-c\", \"echo serving; mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 8080 -h /www\"]\n"));
            var created = await api.PostAsJsonAsync("/api/deployments", new { name, repo_url = repo.Url, use_docker = true, port = 8080, target = "swarm", replicas = 2 });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            var d = await DeployWait.ForRunEndAsync(api, name, 0, 10);
            var log = await api.GetStringAsync($"/api/deployments/{name}/logs");
            Assert.True(d.GetProperty("status").GetString() == "running", log);
            Assert.Equal("swarm", d.GetProperty("target").GetString());
            Assert.Matches($@"^{SwarmClusterFixture.Registry}/webops/{name}:deploy-\d+@sha256:[0-9a-f]{{64}}$", d.GetProperty("image").GetString());
            // The run's last line names the service and its tasks, not a container without an address.
            Assert.Contains($"'{name}' is running on the cluster: Swarm service webops-{name} running 2 task(s) of {d.GetProperty("image").GetString()}", log, StringComparison.Ordinal);

            var service = await manager.Swarm.InspectServiceAsync($"webops-{name}");
            Assert.Equal("true", service.Spec!.Labels!["webops.managed"]);
            Assert.Equal(name, service.Spec.Labels!["webops.deployment"]);
            Assert.Equal("dnsrr", service.Spec.EndpointSpec!.Mode);
            Assert.Equal("host", Assert.Single(service.Spec.EndpointSpec.Ports!).PublishMode);
            Assert.Equal("start-first", service.Spec.UpdateConfig!.Order);
            Assert.Equal("rollback", service.Spec.UpdateConfig.FailureAction);

            var nodes = (await manager.Swarm.ListNodesAsync()).ToDictionary(n => n.ID, n => n.Status!.Addr);
            var running = (await TasksAsync(manager, name)).Where(t => t.Status!.State == TaskState.Running).ToList();
            Assert.Equal(2, running.Count);
            Assert.Equal(
                [SwarmClusterFixture.ManagerAddress, SwarmClusterFixture.WorkerAddress],
                running.Select(t => nodes[t.NodeID!]).Order());

            // Each task answers on its node's address and the host port Swarm picked for it, with its own hostname.
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var answers = new HashSet<string>();
            foreach (var task in running)
            {
                // The engine lists the binding once per address family, IPv4 first; the two can get different ports
                // (seen on a manager whose engine had restarted: 0.0.0.0:32821 and [::]:32819), so the IPv4 one is
                // the first, as the edge's routing takes it.
                var port = task.Status!.PortStatus!.Ports![0].PublishedPort;
                answers.Add((await http.GetStringAsync($"http://{nodes[task.NodeID!]}:{port}/")).Trim());
            }

            Assert.Equal(2, answers.Count);

            // Runtime logs come from every task, each line marked with its task and node.
            var runtimeLogs = await api.GetStringAsync($"/api/deployments/{name}/runtime-logs");
            Assert.Contains("on webops-swm] serving", runtimeLogs, StringComparison.Ordinal);
            Assert.Contains("on webops-sww] serving", runtimeLogs, StringComparison.Ordinal);

            // Stop scales the service to 0, start back to its replicas.
            Assert.True((await api.PostAsync($"/api/deployments/{name}/stop", null)).IsSuccessStatusCode);
            Assert.Equal(0UL, (await manager.Swarm.InspectServiceAsync($"webops-{name}")).Spec!.Mode!.Replicated!.Replicas);
            Assert.True((await api.PostAsync($"/api/deployments/{name}/start", null)).IsSuccessStatusCode);
            Assert.Equal(2UL, (await manager.Swarm.InspectServiceAsync($"webops-{name}")).Spec!.Mode!.Replicated!.Replicas);
        }
        finally
        {
            await SwarmTasksCleanup.RemoveAsync(name);
        }
    }

    [SwarmFact]
    public async Task A_release_that_fails_its_health_check_is_rolled_back_by_swarm_and_the_old_one_keeps_serving()
    {
        await SwarmClusterFixture.EnsureSwarmAsync();
        var name = "sw-" + Guid.NewGuid().ToString("N")[..8];
        await using var panel = await StartPanelAsync();
        using var manager = new DockerClientBuilder().WithEndpoint(new Uri(SwarmClusterFixture.ManagerEndpoint)).Build();
        try
        {
            using var api = await panel.WithTokenAsync();
            const string Serve = "mkdir -p /www && echo {0} > /www/{1} && exec httpd -f -p 8080 -h /www";
            var repo = await GitRepo.CreateAsync(
                ("Dockerfile", $"FROM {TestImages.Busybox}\nCMD [\"sh\", \"-c\", \"{string.Format(null, Serve, "good", "ok.html")}\"]\n"));
            var health = new { path = "/ok.html", interval = "1s", timeout = "1s", retries = 2, start_period = "0s" };
            await api.PostAsJsonAsync("/api/deployments", new { name, repo_url = repo.Url, use_docker = true, port = 8080, target = "swarm", replicas = 1, health_check = health });
            var first = await DeployWait.ForRunEndAsync(api, name, 0, 10);
            Assert.True(first.GetProperty("status").GetString() == "running", await api.GetStringAsync($"/api/deployments/{name}/logs"));
            var goodImage = first.GetProperty("image").GetString();
            var firstRun = (await api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs"))[0].GetProperty("id").GetInt32();

            // The next release serves no /ok.html, so every new task fails its health check.
            await repo.CommitAsync("break health", ("Dockerfile", $"FROM {TestImages.Busybox}\nCMD [\"sh\", \"-c\", \"{string.Format(null, Serve, "bad", "other.html")}\"]\n"));
            await api.PostAsync($"/api/deployments/{name}/deploy", null);
            await DeployWait.ForRunEndAsync(api, name, firstRun, 10);

            var run = (await api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs"))[0];
            Assert.Equal("failed", run.GetProperty("result").GetString());
            Assert.Contains("Swarm rolled the update back and the old release keeps serving", run.GetProperty("error").GetString(), StringComparison.Ordinal);

            var service = await manager.Swarm.InspectServiceAsync($"webops-{name}");
            Assert.Equal(goodImage, service.Spec!.TaskTemplate!.ContainerSpec!.Image);
            var nodes = (await manager.Swarm.ListNodesAsync()).ToDictionary(n => n.ID, n => n.Status!.Addr);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            List<TaskResponse> serving;
            do
            {
                serving = [.. (await TasksAsync(manager, name)).Where(t => t.DesiredState == TaskState.Running && t.Status!.State == TaskState.Running)];
                if (serving.Count == 1 && serving[0].Spec!.ContainerSpec!.Image == goodImage)
                {
                    break;
                }

                await Task.Delay(500);
            }
            while (DateTime.UtcNow < deadline);

            var task = Assert.Single(serving);
            Assert.Equal(goodImage, task.Spec!.ContainerSpec!.Image);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var port = task.Status!.PortStatus!.Ports![0].PublishedPort;
            Assert.Equal("good", (await http.GetStringAsync($"http://{nodes[task.NodeID!]}:{port}/ok.html")).Trim());
        }
        finally
        {
            await SwarmTasksCleanup.RemoveAsync(name);
        }
    }

    [SwarmFact]
    public async Task A_rollback_updates_the_service_to_the_releases_image_digest()
    {
        await SwarmClusterFixture.EnsureSwarmAsync();
        var name = "sw-" + Guid.NewGuid().ToString("N")[..8];
        await using var panel = await StartPanelAsync();
        using var manager = new DockerClientBuilder().WithEndpoint(new Uri(SwarmClusterFixture.ManagerEndpoint)).Build();
        try
        {
            using var api = await panel.WithTokenAsync();
            static string Dockerfile(string text) => $"FROM {TestImages.Busybox}\nCMD [\"sh\", \"-c\", \"mkdir -p /www && echo {text} > /www/index.html && exec httpd -f -p 8080 -h /www\"]\n";
            var repo = await GitRepo.CreateAsync(("Dockerfile", Dockerfile("one")));
            await api.PostAsJsonAsync("/api/deployments", new { name, repo_url = repo.Url, use_docker = true, port = 8080, target = "swarm" });
            var first = await DeployWait.ForRunEndAsync(api, name, 0, 10);
            var firstRun = (await api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs"))[0].GetProperty("id").GetInt32();
            await repo.CommitAsync("two", ("Dockerfile", Dockerfile("two")));
            await api.PostAsync($"/api/deployments/{name}/deploy", null);
            var second = await DeployWait.ForRunEndAsync(api, name, firstRun, 10);
            Assert.NotEqual(first.GetProperty("image").GetString(), second.GetProperty("image").GetString());
            var secondRun = (await api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs"))[0].GetProperty("id").GetInt32();

            var asked = await api.PostAsJsonAsync($"/api/deployments/{name}/rollback", new { run = firstRun });
            Assert.True(asked.IsSuccessStatusCode, await asked.Content.ReadAsStringAsync());
            var back = await DeployWait.ForRunEndAsync(api, name, secondRun, 10);

            Assert.True(back.GetProperty("status").GetString() == "running", await api.GetStringAsync($"/api/deployments/{name}/logs"));
            var service = await manager.Swarm.InspectServiceAsync($"webops-{name}");
            Assert.Equal(first.GetProperty("image").GetString(), service.Spec!.TaskTemplate!.ContainerSpec!.Image);
        }
        finally
        {
            await SwarmTasksCleanup.RemoveAsync(name);
        }
    }

    [SwarmFact]
    public async Task Target_swarm_is_refused_with_a_field_error_when_swarm_is_off()
    {
        await using var panel = await PanelApp.StartAsync("--Swarm:Enabled=false");
        using var api = await panel.WithTokenAsync();

        var answer = await api.PostAsJsonAsync("/api/deployments", new { name = "sw-off", repo_url = "https://example.com/a.git", use_docker = true, target = "swarm" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.Contains("Swarm is off on this panel; set Swarm:Enabled=true", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/deployments/sw-off")).StatusCode);
    }

    [SwarmFact]
    public async Task Target_swarm_is_refused_when_the_registry_is_not_set()
    {
        await SwarmClusterFixture.EnsureSwarmAsync();
        await using var panel = await PanelApp.StartAsync($"--Docker:Endpoint={SwarmClusterFixture.ManagerEndpoint}", "--Swarm:Enabled=true");
        using var api = await panel.WithTokenAsync();

        var answer = await api.PostAsJsonAsync("/api/deployments", new { name = "sw-noreg", repo_url = "https://example.com/a.git", use_docker = true, target = "swarm" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("set Registry:Address to a registry every node can pull from", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SwarmFact]
    public async Task Target_swarm_is_refused_when_the_engine_is_not_a_swarm_manager()
    {
        // The worker's engine is in the swarm but cannot create services.
        await SwarmClusterFixture.EnsureSwarmAsync();
        await using var panel = await PanelApp.StartAsync(
            $"--Docker:Endpoint={SwarmClusterFixture.WorkerEndpoint}", "--Swarm:Enabled=true", $"--Registry:Address={SwarmClusterFixture.Registry}");
        using var api = await panel.WithTokenAsync();

        var answer = await api.PostAsJsonAsync("/api/deployments", new { name = "sw-worker", repo_url = "https://example.com/a.git", use_docker = true, target = "swarm" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("is not a Swarm manager", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SwarmFact]
    public async Task The_form_shows_the_cluster_fields_only_with_swarm_on()
    {
        await using (var off = await PanelApp.StartAsync())
        {
            using var browser = await off.LoggedInAsync();
            Assert.DoesNotContain("name=\"replicas\"", await browser.GetStringAsync("/deployments/new"), StringComparison.Ordinal);
        }

        await using var on = await PanelApp.StartAsync("--Swarm:Enabled=true");
        using var client = await on.LoggedInAsync();
        var page = await client.GetStringAsync("/deployments/new");
        Assert.Contains("name=\"replicas\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"target\"", page, StringComparison.Ordinal);
    }

    internal static Task<PanelApp> StartPanelAsync() => PanelApp.StartAsync(
        $"--Docker:Endpoint={SwarmClusterFixture.ManagerEndpoint}", "--Swarm:Enabled=true", $"--Registry:Address={SwarmClusterFixture.Registry}",
        $"--Docker:StaticBaseImage={TestImages.Nginx}", $"--Docker:PythonBaseImage={TestImages.Python}");

    internal static async Task<IList<TaskResponse>> TasksAsync(DockerClient manager, string name) =>
        await manager.Tasks.ListAsync(new TasksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["service"] = new Dictionary<string, bool> { [$"webops-{name}"] = true } },
        });
}
