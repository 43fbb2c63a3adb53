using System.Net.Http.Json;
using WebOps.Tests.Integration.Proxy;
using Xunit.Abstractions;

namespace WebOps.Tests.Integration.Swarm;

/// <summary>
/// Swarm deployments through the panel's real Caddy, on the two-node test cluster: the edge sends a deployment's names
/// to its running tasks on both nodes and follows them through a redeploy and a node going down, without a failed request.
/// </summary>
[Collection(SwarmCollection.Name)]
public sealed class SwarmEdgeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RouteLimit = TimeSpan.FromSeconds(60);

    /// <summary>How many clients keep asking the edge while a test changes the tasks.</summary>
    private const int Clients = 4;

    /// <summary>The most config loads one change of the tasks may cost: the edge follows the tasks, it does not churn.</summary>
    private const int LoadLimit = 10;

    [SwarmFact]
    public async Task A_two_replica_deployment_with_a_domain_is_served_by_both_tasks_through_the_edge_as_soon_as_the_deploy_ends()
    {
        await using var world = await SwarmEdgeWorld.StartAsync("swe");

        await world.DeployFirstAsync(replicas: 2);

        // Routed before the deploy reported success: the first request, right away, is answered by a task.
        var first = Assert.Single(await world.BodiesAsync(1));
        Assert.True(first.EndsWith(" v1", StringComparison.Ordinal), $"'{first}'; Caddy: {string.Join(", ", await world.CaddyUpstreamsAsync())}\n{await world.LogAsync()}");
        var tasks = await world.RunningTasksAsync();
        Assert.Equal([SwarmClusterFixture.ManagerAddress, SwarmClusterFixture.WorkerAddress], tasks.Select(t => t.Split(':')[0]));
        var upstreams = await world.CaddyUpstreamsAsync();
        Assert.True(tasks.SequenceEqual(upstreams), $"tasks [{string.Join(", ", tasks)}]. {await world.RouteReportAsync(upstreams)}");
        Assert.Contains($"The edge sends {world.Domain} to 2 task(s): {string.Join(", ", tasks)}.", await world.LogAsync(), StringComparison.Ordinal);

        // Both tasks answer, each with its own hostname. Requests one after another find both idle, and Caddy picks
        // one of them at random: 30 requests all to one task would happen once in 500 million runs.
        var bodies = await world.BodiesAsync(30);
        Assert.Equal(2, bodies.Count);
        Assert.All(bodies, b => Assert.EndsWith(" v1", b, StringComparison.Ordinal));

        // A name added later is routed to the same tasks, without a redeploy.
        var added = $"www.{world.Domain}";
        var patched = await world.Api.PatchAsJsonAsync($"/api/deployments/{world.Name}", new { domains = new[] { world.Domain, added } });
        Assert.True(patched.IsSuccessStatusCode, await patched.Content.ReadAsStringAsync());
        await ClusterTestPanel.WaitForAsync($"{added} routed to the tasks", RouteLimit, async () =>
        {
            var upstreams = await world.CaddyUpstreamsAsync(added);
            return (upstreams.SequenceEqual(tasks), string.Join(", ", upstreams));
        });
        Assert.EndsWith(" v1", await Infrastructure.EdgeGet.BodyAsync(world.Caddy.HttpPort, added), StringComparison.Ordinal);
    }

    [SwarmFact]
    public async Task A_redeploy_under_load_from_four_clients_through_the_edge_fails_no_request()
    {
        await using var world = await SwarmEdgeWorld.StartAsync("swel");
        await world.DeployFirstAsync(replicas: 2);

        var loadsBefore = world.Caddy.Loads;
        await using (var load = EdgeLoad.Start(world.Caddy.HttpPort, world.Domain, Clients))
        {
            var (result, error) = await world.RedeployAsync("v2");
            Assert.True(result == "succeeded", $"redeploy {result}: {error}\n{await world.LogAsync()}");
            await Task.Delay(TimeSpan.FromSeconds(2));
            await load.StopAsync();

            var failed = Judge(world, load, loadsBefore, "", await world.LogAsync());
            Assert.True(load.Total > 200, failed);
            Assert.Contains(load.Bodies.Keys, b => b.EndsWith(" v2", StringComparison.Ordinal));
        }

        // The old tasks are out of the route once the deploy ended: every answer now comes from a new one.
        var bodies = await world.BodiesAsync(30);
        Assert.Equal(2, bodies.Count);
        Assert.All(bodies, b => Assert.EndsWith(" v2", b, StringComparison.Ordinal));
    }

    /// <summary>
    /// The worker's engine stops (its task's container stops with it) while 4 clients keep asking: the edge retries a
    /// request that meets the gone task on the manager's, leaves the gone task out, and routes the replacement Swarm
    /// starts on the manager.
    /// </summary>
    [SwarmFact]
    public async Task When_the_workers_engine_stops_its_task_moves_to_the_manager_and_requests_through_the_edge_keep_succeeding()
    {
        await using var world = await SwarmEdgeWorld.StartAsync("swef");
        await world.DeployFirstAsync(replicas: 2);
        await world.WaitRoutedAsync("both tasks routed", RouteLimit, t => t.Count == 2);
        var manager = SwarmClusterFixture.ManagerAddress + ":";
        try
        {
            var loadsBefore = world.Caddy.Loads;
            await using var load = EdgeLoad.Start(world.Caddy.HttpPort, world.Domain, Clients);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var before = load.Total;

            var stopping = DateTime.UtcNow;
            await SwarmClusterFixture.StopEngineAsync("worker");
            await world.WaitRoutedAsync("the worker's task replaced on the manager and routed", TimeSpan.FromMinutes(3),
                t => t.Count == 2 && t.All(e => e.StartsWith(manager, StringComparison.Ordinal)));
            await Task.Delay(TimeSpan.FromSeconds(2));
            await load.StopAsync();

            var failed = Judge(world, load, loadsBefore, $", {before} before the engine stopped (at {stopping:HH:mm:ss.fff})");
            Assert.True(load.Total > before + 100, failed);
        }
        finally
        {
            await SwarmClusterFixture.StartEngineAsync("worker");
        }
    }

    /// <summary>The worker is drained through the panel while 4 clients keep asking: its task moves to the manager.</summary>
    [SwarmFact]
    public async Task Draining_the_worker_moves_its_task_to_the_manager_and_requests_through_the_edge_keep_succeeding()
    {
        await using var world = await SwarmEdgeWorld.StartAsync("swed");
        await world.DeployFirstAsync(replicas: 2);
        await world.WaitRoutedAsync("both tasks routed", RouteLimit, t => t.Count == 2);
        var manager = SwarmClusterFixture.ManagerAddress + ":";
        const string Worker = "/api/cluster/nodes/webops-sww";
        try
        {
            var loadsBefore = world.Caddy.Loads;
            await using var load = EdgeLoad.Start(world.Caddy.HttpPort, world.Domain, Clients);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var before = load.Total;

            await ClusterTestPanel.SendAsync(world.Api, HttpMethod.Patch, Worker, new { availability = "drain" });
            await world.WaitRoutedAsync("the worker's task moved to the manager and routed", TimeSpan.FromMinutes(3),
                t => t.Count == 2 && t.All(e => e.StartsWith(manager, StringComparison.Ordinal)));
            await Task.Delay(TimeSpan.FromSeconds(2));
            await load.StopAsync();

            var failed = Judge(world, load, loadsBefore, $", {before} before the drain");
            Assert.True(load.Total > before + 100, failed);
        }
        finally
        {
            await ClusterTestPanel.SendAsync(world.Api, HttpMethod.Patch, Worker, new { availability = "active" });
        }
    }

    /// <summary>
    /// Says what the clients saw (in the output even when the test passes) and asserts that no request was lost
    /// (<see cref="AssertNoRequestLost"/>); returns the summary for the test's further assertions.
    /// </summary>
    private string Judge(SwarmEdgeWorld world, EdgeLoad load, int loadsBefore, string context, string? more = null)
    {
        var loads = world.Caddy.Loads - loadsBefore;
        var failed = $"{load.Failures.Count} of {load.Total} requests failed ({load.ServerErrors} with 5xx){context}, {loads} config loads"
            + (loads > 0 ? $" (at {string.Join(", ", world.Caddy.LoadTimes.TakeLast(loads))})" : "");
        output.WriteLine($"{world.Name}: {failed}; answers: {string.Join(", ", load.Bodies.Select(b => $"{b.Value} x '{b.Key}'"))}{Failures(load)}{CaddyErrors(world)}");
        AssertNoRequestLost(world, load, loads, more is null ? failed : $"{failed}\n{more}");
        return failed;
    }

    /// <summary>The failed requests, for the test's output even when it passes: how many resets a run costs is worth seeing.</summary>
    private static string Failures(EdgeLoad load) => load.Failures.Count == 0 ? "" : $"; failed: {string.Join(" | ", load.Failures.Take(10))}";

    /// <summary>Why Caddy answered with an error, for the output even when the test passes.</summary>
    private static string CaddyErrors(SwarmEdgeWorld world) => world.Caddy.Errors.Count == 0 ? "" : $"; Caddy's errors: {string.Join(" | ", world.Caddy.Errors.TakeLast(10))}";

    /// <summary>
    /// No request reached a task that was gone without being retried on another (no 5xx), and the requests that failed
    /// between client and edge are within what the config loads explain. Every change of the tasks is a config load, and
    /// Caddy then closes its idle keep-alive connections: a client that sends a request on one at that very moment gets a
    /// reset it cannot tell from a lost request, so does not retry (a browser does). That is at most one per client and
    /// load, plus one per client for a request in flight on a task that is killed (its answer cut off). Measured: 0 or 1
    /// per run on a quiet machine; up to 6 (one an answer cut off) beside other tests. A node going down or a drain costs
    /// 2 loads, a redeploy 1 or 2.
    /// </summary>
    private static void AssertNoRequestLost(SwarmEdgeWorld world, EdgeLoad load, int loads, string failed)
    {
        var examples = $"{failed}, e.g.:\n{string.Join('\n', load.Failures.Take(5))}\nCaddy's errors:\n{string.Join('\n', world.Caddy.Errors.TakeLast(10))}";
        Assert.True(load.ServerErrors == 0, examples);
        Assert.True(loads <= LoadLimit, examples);
        Assert.True(load.Failures.Count <= Clients * (loads + 1), examples);
    }
}
