using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Swarm;

/// <summary>
/// A swarm deployment's tasks on its page and in its API, and its health from them, on the two-node test cluster. Each
/// task reserves more than half a node's memory, so one task fits on a node: draining the worker leaves its task with
/// nowhere to go, and activating it again lets the task run. The worker is made active again and the service removed
/// whatever the test got to.
/// </summary>
[Collection(SwarmCollection.Name)]
public sealed class SwarmHealthTests
{
    private const string Worker = "webops-sww";

    [SwarmFact]
    public async Task A_task_that_cannot_run_makes_the_deployment_unhealthy_naming_it_and_swarms_reason_and_healthy_again_once_it_runs()
    {
        await SwarmClusterFixture.EnsureSwarmAsync();
        var name = "swh-" + Guid.NewGuid().ToString("N")[..8];
        await using var panel = await PanelApp.StartAsync(
            $"--Docker:Endpoint={SwarmClusterFixture.ManagerEndpoint}", "--Swarm:Enabled=true", $"--Registry:Address={SwarmClusterFixture.Registry}",
            "--Health:Interval=00:00:02");
        using var manager = ClusterTestPanel.Engine(SwarmClusterFixture.ManagerEndpoint);
        try
        {
            using var api = await panel.WithTokenAsync();
            var memory = (await manager.System.GetSystemInfoAsync()).MemTotal;
            var reservation = (memory * 6 / 10 / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + "m";
            var repo = await GitRepo.CreateAsync(
                ("Dockerfile", $"FROM {TestImages.Busybox}\nCMD [\"sh\", \"-c\", \"mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 8080 -h /www\"]\n"));
            var created = await api.PostAsJsonAsync(
                "/api/deployments", new { name, repo_url = repo.Url, use_docker = true, port = 8080, target = "swarm", replicas = 2, memory_reservation = reservation });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var d = await DeployWait.ForRunEndAsync(api, name, 0, 10);
            Assert.True(d.GetProperty("status").GetString() == "running", await api.GetStringAsync($"/api/deployments/{name}/logs"));

            // The tasks, in the API and on the page: one running on each node, no restarts.
            var tasks = (await ClusterTestPanel.GetAsync(api, $"/api/deployments/{name}")).GetProperty("tasks").EnumerateArray().ToList();
            Assert.Equal(["1 running running 0", "2 running running 0"], tasks.Select(t => $"{t.GetProperty("slot")} {t.GetProperty("state")} {t.GetProperty("desired_state")} {t.GetProperty("restarts")}"));
            Assert.Equal(["webops-swm", Worker], tasks.Select(t => t.GetProperty("node").GetString()).Order(StringComparer.Ordinal));
            Assert.All(tasks, t => Assert.Matches("^[0-9a-z]{12}$", t.GetProperty("id").GetString()));
            using var browser = await panel.LoggedInAsync();
            var page = await browser.GetStringAsync($"/deployments/{name}");
            Assert.Contains("data-swarm-tasks", page, StringComparison.Ordinal);
            Assert.Contains($"data-service>webops-{name}</dd>", page, StringComparison.Ordinal);
            Assert.DoesNotContain("data-container", page, StringComparison.Ordinal);
            Assert.All(tasks, t => Assert.Contains($"data-task=\"{t.GetProperty("id").GetString()}\" data-task-state=\"running\"", page, StringComparison.Ordinal));

            await WaitForHealthAsync(api, name, "healthy", "2 of 2 tasks running.");

            // Drained, the worker's task has no node with room for it.
            await ClusterTestPanel.SendAsync(api, HttpMethod.Patch, $"/api/cluster/nodes/{Worker}", new { availability = "drain" });
            // Until the scheduler has tried to place the new task, the check can only say it is pending: wait for the
            // check that carries the scheduler's reason.
            var unhealthy = await WaitForHealthAsync(api, name, "unhealthy", "not placed on a node: no suitable node");
            Assert.StartsWith("Addon 'docker' reported unhealthy: ", unhealthy, StringComparison.Ordinal);
            Assert.Matches(@"Service webops-swh-[0-9a-f]{8}: 1 of 2 tasks running \(task [0-9a-z]{12} not placed on a node: no suitable node \(.*insufficient resources.*\)\)\.$", unhealthy);

            await ClusterTestPanel.SendAsync(api, HttpMethod.Patch, $"/api/cluster/nodes/{Worker}", new { availability = "active" });
            await WaitForHealthAsync(api, name, "healthy", "2 of 2 tasks running.");
        }
        finally
        {
            await ActivateWorkerAsync(manager);
            await SwarmTasksCleanup.RemoveAsync(name);
        }
    }

    /// <summary>Waits until the deployment's health is <paramref name="health"/> and its newest history entry holds <paramref name="fragment"/>; answers that entry's message.</summary>
    private static async Task<string> WaitForHealthAsync(HttpClient api, string name, string health, string fragment)
    {
        var message = "";
        await ClusterTestPanel.WaitForAsync($"health {health} with '{fragment}'", TimeSpan.FromSeconds(90), async () =>
        {
            var body = await ClusterTestPanel.GetAsync(api, $"/api/deployments/{name}/health?limit=5");
            var newest = body.GetProperty("history").EnumerateArray().FirstOrDefault();
            message = newest.ValueKind == JsonValueKind.Object ? newest.GetProperty("message").GetString() ?? "" : "";
            var done = body.GetProperty("health").GetString() == health && message.Contains(fragment, StringComparison.Ordinal);
            return (done, $"{body.GetProperty("health")}: {message}");
        });
        return message;
    }

    private static async Task ActivateWorkerAsync(DockerClient manager)
    {
        var node = (await manager.Swarm.ListNodesAsync()).First(n => n.Description?.Hostname == Worker);
        if (node.Spec?.Availability != "active")
        {
            var spec = new NodeUpdateParameters { Availability = "active", Role = node.Spec?.Role, Labels = node.Spec?.Labels ?? new Dictionary<string, string>(), Name = node.Spec?.Name };
            await manager.Swarm.UpdateNodeAsync(node.ID, node.Version?.Index ?? 0, spec);
        }
    }
}
