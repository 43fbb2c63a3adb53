using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using WebOps.Tests.Integration.Audit;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Swarm;

/// <summary>Draining, activating and labelling servers through the panel, seen in the engines' own view of the cluster.</summary>
[Collection(SwarmCollection.Name)]
public sealed class ClusterNodesTests
{
    private const string TestLabel = "webops.test.cluster-nodes";

    [SwarmFact]
    public async Task Draining_the_worker_moves_its_task_to_the_manager_and_activating_lets_it_take_tasks_again()
    {
        await SwarmClusterFixture.EnsureSwarmAsync();
        using var manager = ClusterTestPanel.Engine(SwarmClusterFixture.ManagerEndpoint);
        var run = Guid.NewGuid().ToString("N")[..8];
        try
        {
            await using var panel = await ClusterTestPanel.StartAsync();
            using var api = await panel.WithTokenAsync();
            await CreateServiceAsync(manager, $"webops-drain-{run}", run);
            await WaitForTasksAsync(api, "one task on each node", manager: 1, worker: 1);

            var drained = await ClusterTestPanel.SendAsync(api, HttpMethod.Patch, "/api/cluster/nodes/webops-sww", new { availability = "drain" });
            Assert.Equal("drain", drained.GetProperty("availability").GetString());
            await WaitForTasksAsync(api, "the worker's task moved to the manager", manager: 2, worker: 0);
            Assert.Equal("drain", (await manager.Swarm.InspectNodeAsync("webops-sww")).Spec!.Availability);

            // Activate again from the Servers page, as an admin clicking the button.
            using var browser = await panel.LoggedInAsync();
            var page = await FormPage.LoadAsync(browser, "/servers");
            Assert.Contains("aria-label=\"Activate webops-sww\"", page.Html, StringComparison.Ordinal);
            Assert.Contains("href=\"/servers\"", page.Html, StringComparison.Ordinal); // the nav link, shown with Swarm on
            var workerId = (await manager.Swarm.InspectNodeAsync("webops-sww")).ID;
            using var posted = await page.PostAsync(browser, new() { ["id"] = workerId, ["availability"] = "active" }, handlerUrl: "/servers?handler=Availability");
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            Assert.Equal("active", (await manager.Swarm.InspectNodeAsync("webops-sww")).Spec!.Availability);
            var after = await FormPage.LoadAsync(browser, "/servers");
            Assert.Contains("'webops-sww' is active.", WebUtility.HtmlDecode(after.Html), StringComparison.Ordinal);
            Assert.Contains("aria-label=\"Drain webops-sww\"", after.Html, StringComparison.Ordinal);

            var audit = await AuditClient.EntriesAsync(api, "?action=cluster.node_update");
            Assert.Equal(["availability=active", "availability=drain"], audit.Where(e => e.Target == "webops-sww").Select(e => e.Details));
        }
        finally
        {
            await CleanUpAsync(manager, run);
        }
    }

    [SwarmFact]
    public async Task Labels_set_through_the_api_show_in_node_inspect_and_bad_labels_on_the_page_get_field_errors()
    {
        await SwarmClusterFixture.EnsureSwarmAsync();
        using var manager = ClusterTestPanel.Engine(SwarmClusterFixture.ManagerEndpoint);
        try
        {
            await using var panel = await ClusterTestPanel.StartAsync();
            using var api = await panel.WithTokenAsync();

            var node = await ClusterTestPanel.SendAsync(api, HttpMethod.Patch, "/api/cluster/nodes/webops-sww", new { labels = new Dictionary<string, string> { ["zone"] = "east", ["webops.rack"] = "r1" } });
            Assert.Equal("east", node.GetProperty("labels").GetProperty("zone").GetString());
            var inspected = (await manager.Swarm.InspectNodeAsync("webops-sww")).Spec!.Labels;
            Assert.Equal(new Dictionary<string, string> { ["webops.rack"] = "r1", ["zone"] = "east" }, inspected.OrderBy(l => l.Key).ToDictionary());

            using (var bad = await api.PatchAsync("/api/cluster/nodes/webops-sww", System.Net.Http.Json.JsonContent.Create(new { labels = new Dictionary<string, string> { ["Zone"] = "x" } })))
            {
                Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
                Assert.Contains("labels.Zone: key 'Zone' has 'Z'", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            using (var missing = await api.PatchAsync("/api/cluster/nodes/no-such-node", System.Net.Http.Json.JsonContent.Create(new { availability = "drain" })))
            {
                Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            }

            using var browser = await panel.LoggedInAsync();
            var page = await FormPage.LoadAsync(browser, "/servers");
            Assert.Contains("<span class=\"tag mono\">zone=east</span>", page.Html, StringComparison.Ordinal);
            var workerId = (await manager.Swarm.InspectNodeAsync("webops-sww")).ID;
            using var refused = await page.PostAsync(browser, new() { ["id"] = workerId, ["labels"] = "zone=west\ncom.docker.x=1" }, handlerUrl: "/servers?handler=Labels");
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("line 2 'com.docker.x=1': key 'com.docker.x' is in Docker's reserved namespace", html, StringComparison.Ordinal);
            Assert.Contains("zone=west\ncom.docker.x=1</textarea>", html, StringComparison.Ordinal);
            Assert.Equal("east", (await manager.Swarm.InspectNodeAsync("webops-sww")).Spec!.Labels["zone"]);

            using var saved = await page.PostAsync(browser, new() { ["id"] = workerId, ["labels"] = "" }, handlerUrl: "/servers?handler=Labels");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Empty((await manager.Swarm.InspectNodeAsync("webops-sww")).Spec!.Labels ?? new Dictionary<string, string>());
        }
        finally
        {
            await CleanUpAsync(manager, run: null);
        }
    }

    private static async Task CreateServiceAsync(DockerClient manager, string name, string run)
    {
        await manager.Swarm.CreateServiceAsync(new ServiceCreateParameters
        {
            Service = new ServiceSpec
            {
                Name = name,
                Labels = new Dictionary<string, string> { [TestLabel] = run },
                Mode = new ServiceMode { Replicated = new ReplicatedService { Replicas = 2 } },
                // No IPVS in this kernel, so no virtual IP: DNS round robin, and ports (if any) published in host mode.
                EndpointSpec = new EndpointSpec { Mode = "dnsrr" },
                TaskTemplate = new TaskSpec
                {
                    ContainerSpec = new ContainerSpec
                    {
                        Image = Environment.GetEnvironmentVariable("WEBOPS_TEST_IMAGE_BUSYBOX") ?? "webops-test/busybox:1",
                        Command = ["sleep", "3600"],
                        StopGracePeriod = TimeSpan.FromSeconds(1),
                    },
                },
            },
        });
    }

    private static Task WaitForTasksAsync(HttpClient api, string what, int manager, int worker) =>
        ClusterTestPanel.WaitForAsync(what, TimeSpan.FromSeconds(90), async () =>
        {
            var nodes = await ClusterTestPanel.NodesAsync(api);
            var m = nodes["webops-swm"].GetProperty("running_tasks").GetInt32();
            var w = nodes["webops-sww"].GetProperty("running_tasks").GetInt32();
            return (m == manager && w == worker, $"manager {m}, worker {w}");
        });

    /// <summary>Removes this test's services (by label) and puts the worker back as the fixture made it.</summary>
    private static async Task CleanUpAsync(DockerClient manager, string? run)
    {
        var services = await manager.Swarm.ListServicesAsync(new ServiceListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [run is null ? TestLabel : $"{TestLabel}={run}"] = true },
            },
        });
        foreach (var service in services)
        {
            await manager.Swarm.RemoveServiceAsync(service.ID);
        }

        var worker = await manager.Swarm.InspectNodeAsync("webops-sww");
        await manager.Swarm.UpdateNodeAsync(worker.ID, worker.Version!.Index!.Value, new NodeUpdateParameters
        {
            Name = worker.Spec!.Name,
            Role = worker.Spec.Role,
            Availability = "active",
            Labels = new Dictionary<string, string>(),
        });
    }
}
