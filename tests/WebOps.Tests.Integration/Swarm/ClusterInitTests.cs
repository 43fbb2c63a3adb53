using System.Text.Json;
using Docker.DotNet.Models;
using WebOps.Tests.Integration.Audit;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Swarm;

/// <summary>Forming a cluster from two plain engines the way an admin does: init through the panel, join with its command.</summary>
[Collection(SwarmCollection.Name)]
public sealed class ClusterInitTests
{
    [SwarmFact]
    public async Task Init_through_the_api_then_the_join_command_adds_the_worker_and_both_nodes_are_listed_ready()
    {
        await SwarmClusterFixture.LeaveSwarmAsync();
        try
        {
            await using var panel = await ClusterTestPanel.StartAsync();
            using var api = await panel.WithTokenAsync();
            using var manager = ClusterTestPanel.Engine(SwarmClusterFixture.ManagerEndpoint);
            using var worker = ClusterTestPanel.Engine(SwarmClusterFixture.WorkerEndpoint);

            var before = await ClusterTestPanel.GetAsync(api, "/api/cluster");
            Assert.Equal("inactive", before.GetProperty("state").GetString());
            using (var refused = await api.GetAsync("/api/cluster/nodes"))
            {
                Assert.Equal(409, (int)refused.StatusCode);
                Assert.Contains("not in a swarm (state inactive): run `webops cluster init`", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            var state = await ClusterTestPanel.SendAsync(api, HttpMethod.Post, "/api/cluster/init", new { advertise_address = SwarmClusterFixture.ManagerAddress });
            Assert.Equal("active", state.GetProperty("state").GetString());
            Assert.True(state.GetProperty("is_manager").GetBoolean());
            Assert.Equal($"{SwarmClusterFixture.ManagerAddress}:2377", state.GetProperty("manager_address").GetString());

            var join = (await ClusterTestPanel.GetAsync(api, "/api/cluster/join-command?role=worker")).GetProperty("command").GetString()!;
            var parts = join.Split(' ');
            Assert.Equal(["docker", "swarm", "join", "--token"], parts[..4]);
            Assert.StartsWith("SWMTKN-", parts[4], StringComparison.Ordinal);
            Assert.Equal($"{SwarmClusterFixture.ManagerAddress}:2377", parts[5]);

            // What `docker swarm join` does on the new server, through the worker's own engine.
            await worker.Swarm.JoinSwarmAsync(new SwarmJoinParameters
            {
                JoinToken = parts[4],
                RemoteAddrs = [parts[5]],
                ListenAddr = "0.0.0.0:2377",
                AdvertiseAddr = SwarmClusterFixture.WorkerAddress,
            });

            await ClusterTestPanel.WaitForAsync("both nodes ready", TimeSpan.FromSeconds(60), async () =>
            {
                var nodes = await ClusterTestPanel.NodesAsync(api);
                return (nodes.Count == 2 && nodes.Values.All(n => n.GetProperty("state").GetString() == "ready"), string.Join("; ", nodes.Values));
            });
            var listed = await ClusterTestPanel.NodesAsync(api);
            var managerVersion = (await manager.System.GetVersionAsync()).Version;
            var workerVersion = (await worker.System.GetVersionAsync()).Version;
            Assert.Equal(["webops-swm", "webops-sww"], listed.Keys.Order(StringComparer.Ordinal));
            AssertNode(listed["webops-swm"], "manager", SwarmClusterFixture.ManagerAddress, managerVersion, leader: true);
            AssertNode(listed["webops-sww"], "worker", SwarmClusterFixture.WorkerAddress, workerVersion, leader: false);
            Assert.Equal(2, (await ClusterTestPanel.GetAsync(api, "/api/cluster")).GetProperty("node_count").GetInt32());

            // The same command from the CLI on the manager server; a second init is refused with the reason.
            var environment = new Dictionary<string, string?> { ["Docker__Endpoint"] = SwarmClusterFixture.ManagerEndpoint, ["Swarm__Enabled"] = "true" };
            var cli = await RunCliAsync(environment, "cluster", "join-command", "--data", panel.DataFolder);
            Assert.True(cli.ExitCode == 0, cli.Stderr);
            Assert.Equal(join + "\n", cli.Stdout);
            var again = await RunCliAsync(environment, "cluster", "init", "--data", panel.DataFolder);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("is already in a swarm (state active, manager): nothing to initialize", again.Stderr, StringComparison.Ordinal);

            // Rotating gives new tokens: the old command no longer matches.
            var rotated = (await ClusterTestPanel.SendAsync(api, HttpMethod.Post, "/api/cluster/join-tokens/rotate")).GetProperty("command").GetString()!;
            Assert.NotEqual(join, rotated);
            Assert.EndsWith($" {SwarmClusterFixture.ManagerAddress}:2377", rotated, StringComparison.Ordinal);

            var audit = await AuditClient.EntriesAsync(api, "?action=cluster.init");
            Assert.Single(audit, e => e.Target == SwarmClusterFixture.ManagerEndpoint && e.Details == $"manager {SwarmClusterFixture.ManagerAddress}:2377");
            Assert.Single(await AuditClient.EntriesAsync(api, "?action=cluster.rotate_tokens"));
        }
        finally
        {
            // Other Swarm tests expect a formed cluster: this completes a half-formed one (e.g. after a failed join).
            await SwarmClusterFixture.EnsureSwarmAsync();
        }
    }

    [SwarmFact]
    public async Task Cluster_init_on_the_command_line_makes_the_panels_engine_a_manager_and_is_audited_as_cli()
    {
        await SwarmClusterFixture.LeaveSwarmAsync();
        try
        {
            await using var panel = await ClusterTestPanel.StartAsync();
            using var api = await panel.WithTokenAsync();
            var environment = new Dictionary<string, string?> { ["Docker__Endpoint"] = SwarmClusterFixture.ManagerEndpoint, ["Swarm__Enabled"] = "true" };

            using var browser = await panel.LoggedInAsync();
            var page = await FormPage.LoadAsync(browser, "/servers");
            Assert.Contains("<h2>No cluster yet</h2>", page.Html, StringComparison.Ordinal);
            Assert.Contains(">Initialize cluster</button>", page.Html, StringComparison.Ordinal);

            var init = await RunCliAsync(environment, "cluster", "init", "--advertise-addr", SwarmClusterFixture.ManagerAddress, "--data", panel.DataFolder);

            Assert.True(init.ExitCode == 0, init.Stderr);
            Assert.StartsWith($"Swarm initialized: this engine is its manager, reached on {SwarmClusterFixture.ManagerAddress}:2377.", init.Stdout, StringComparison.Ordinal);
            var state = await ClusterTestPanel.GetAsync(api, "/api/cluster");
            Assert.Equal("active", state.GetProperty("state").GetString());
            Assert.Equal(1, state.GetProperty("node_count").GetInt32());
            var entry = Assert.Single(await AuditClient.EntriesAsync(api, "?action=cluster.init"));
            Assert.Equal("cli", entry.ActorKind);
        }
        finally
        {
            await SwarmClusterFixture.EnsureSwarmAsync();
        }
    }

    private static void AssertNode(JsonElement node, string role, string address, string engineVersion, bool leader)
    {
        Assert.Equal(role, node.GetProperty("role").GetString());
        Assert.Equal("ready", node.GetProperty("state").GetString());
        Assert.Equal("active", node.GetProperty("availability").GetString());
        Assert.Equal(address, node.GetProperty("address").GetString());
        Assert.Equal(engineVersion, node.GetProperty("engine_version").GetString());
        Assert.Equal(leader, node.GetProperty("leader").GetBoolean());
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunCliAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = WebOpsCli.StartInfo(args);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var p = System.Diagnostics.Process.Start(start)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(limit.Token);
        return (p.ExitCode, await stdout, await stderr);
    }
}
