using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Proxy;
using WebOps.Swarm.Routing;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;
using WebOps.Tests.Integration.Proxy;

namespace WebOps.Tests.Integration.Swarm;

/// <summary>
/// A panel with Swarm and the edge on (a Caddy of the test's own on free ports, reaching the cluster's nodes over the
/// host bridge) and one swarm deployment with a TLS-off domain, whose every task answers its hostname and a version.
/// Disposing removes the deployment's services by label, then stops the panel and Caddy.
/// </summary>
internal sealed class SwarmEdgeWorld : IAsyncDisposable
{
    private SwarmEdgeWorld(TestCaddy caddy, PanelApp panel, HttpClient api, string name, GitRepo repo)
    {
        Caddy = caddy;
        Panel = panel;
        Api = api;
        Name = name;
        Domain = $"{name}.example";
        Repo = repo;
    }

    public TestCaddy Caddy { get; }

    public PanelApp Panel { get; }

    public HttpClient Api { get; }

    public DockerClient Manager { get; } = ClusterTestPanel.Engine(SwarmClusterFixture.ManagerEndpoint);

    public string Name { get; }

    public string Domain { get; }

    public GitRepo Repo { get; }

    public static string Dockerfile(string version) =>
        $"FROM {TestImages.Busybox}\nCMD [\"sh\", \"-c\", \"mkdir -p /www && echo $(hostname) {version} > /www/index.html && exec httpd -f -p 8080 -h /www\"]\n";

    public static async Task<SwarmEdgeWorld> StartAsync(string prefix)
    {
        await SwarmClusterFixture.EnsureSwarmAsync();
        var caddy = await TestCaddy.StartAsync();
        try
        {
            var panel = await PanelApp.StartAsync(caddy.PanelArgs(
                $"--Docker:Endpoint={SwarmClusterFixture.ManagerEndpoint}", "--Swarm:Enabled=true", $"--Registry:Address={SwarmClusterFixture.Registry}"));
            var repo = await GitRepo.CreateAsync(("Dockerfile", Dockerfile("v1")));
            return new SwarmEdgeWorld(caddy, panel, await panel.WithTokenAsync(), $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}", repo);
        }
        catch
        {
            await caddy.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the deployment (<paramref name="replicas"/> tasks, the domain with TLS off) and deploys v1; asserts it runs.</summary>
    public async Task<JsonElement> DeployFirstAsync(int replicas)
    {
        var created = await Api.PostAsJsonAsync("/api/deployments", new
        {
            name = Name,
            repo_url = Repo.Url,
            use_docker = true,
            port = 8080,
            target = "swarm",
            replicas,
            domains = new[] { Domain },
            tls = "off",
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var d = await DeployWait.ForRunEndAsync(Api, Name, 0, 10);
        Assert.True(d.GetProperty("status").GetString() == "running", await LogAsync());
        return d;
    }

    /// <summary>Commits <paramref name="version"/>, deploys it and returns the run's result and error.</summary>
    public async Task<(string? Result, string? Error)> RedeployAsync(string version)
    {
        var last = (await Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{Name}/runs"))[0].GetProperty("id").GetInt32();
        await Repo.CommitAsync(version, ("Dockerfile", Dockerfile(version)));
        Assert.True((await Api.PostAsync($"/api/deployments/{Name}/deploy", null)).IsSuccessStatusCode);
        await DeployWait.ForRunEndAsync(Api, Name, last, 10);
        var run = (await Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{Name}/runs"))[0];
        return (run.GetProperty("result").GetString(), run.TryGetProperty("error", out var e) ? e.ToString() : null);
    }

    public Task<string> LogAsync() => Api.GetStringAsync($"/api/deployments/{Name}/logs");

    /// <summary><c>host:port</c> of every task Swarm wants running and that runs, sorted, as the manager lists them.</summary>
    public async Task<List<string>> RunningTasksAsync()
    {
        var nodes = (await Manager.Swarm.ListNodesAsync()).ToDictionary(n => n.ID, n => n.Status!.Addr);
        return [.. (await SwarmDeployTests.TasksAsync(Manager, Name))
            .Where(t => t.DesiredState == TaskState.Running && t.Status!.State == TaskState.Running)
            .Select(t => $"{nodes[t.NodeID!]}:{t.Status!.PortStatus!.Ports![0].PublishedPort}")
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The upstreams Caddy's running config sends <paramref name="domain"/> to, sorted. Caddy starts its admin endpoint
    /// afresh with every config it loads, so a read that meets a load of the panel's may be reset: it is asked again.
    /// </summary>
    public async Task<List<string>> CaddyUpstreamsAsync(string? domain = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var config = JsonNode.Parse(await http.GetStringAsync($"http://{Caddy.AdminAddress}/config/"));
                return [.. CaddyRoutes.DialsOf(config, domain ?? Domain).Order(StringComparer.Ordinal)];
            }
            catch (HttpRequestException e) when (attempt < 3 && e.InnerException is IOException)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>
    /// For a failure message when Caddy's upstreams are not the running tasks: what the panel last listed, every task of
    /// the service with its state, port and time, when Caddy loaded configs, and its upstreams again 3 s later, which
    /// tells a route the edge dropped from tasks that changed under it.
    /// </summary>
    public async Task<string> RouteReportAsync(IReadOnlyList<string> upstreams)
    {
        var at = DateTime.UtcNow;
        var listed = Panel.Services.GetRequiredService<SwarmRoutes>().TasksOf(Name);
        var nodes = (await Manager.Swarm.ListNodesAsync()).ToDictionary(n => n.ID, n => $"{n.Status!.Addr} ({n.Status.State}, {n.Spec?.Availability})");
        var tasks = (await SwarmDeployTests.TasksAsync(Manager, Name)).Select(t =>
            $"{t.ID[..8]} on {nodes.GetValueOrDefault(t.NodeID ?? "", t.NodeID ?? "no node")}: desired {t.DesiredState}, {t.Status?.State} since "
            + $"{t.Status?.Timestamp:HH:mm:ss.fff}, port {t.Status?.PortStatus?.Ports?.FirstOrDefault()?.PublishedPort}");
        await Task.Delay(TimeSpan.FromSeconds(3));
        return $"Caddy sent {Domain} to [{string.Join(", ", upstreams)}] by {at:HH:mm:ss.fff}, "
            + $"[{string.Join(", ", await CaddyUpstreamsAsync())}] 3 s later; the panel last listed [{string.Join(", ", listed ?? [])}]; "
            + $"Caddy loaded configs at {string.Join(", ", Caddy.LoadTimes)}; the tasks:\n{string.Join("\n", tasks)}";
    }

    /// <summary>Waits until Caddy sends the domain to exactly the running tasks and they satisfy <paramref name="expected"/>.</summary>
    public Task WaitRoutedAsync(string what, TimeSpan limit, Func<List<string>, bool> expected) =>
        ClusterTestPanel.WaitForAsync(what, limit, async () =>
        {
            var tasks = await RunningTasksAsync();
            var upstreams = await CaddyUpstreamsAsync();
            return (expected(tasks) && tasks.SequenceEqual(upstreams), $"tasks {string.Join(", ", tasks)}; Caddy {string.Join(", ", upstreams)}");
        });

    /// <summary>The distinct bodies of <paramref name="count"/> requests through the edge, each made on a new connection.</summary>
    public async Task<HashSet<string>> BodiesAsync(int count)
    {
        var bodies = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{Caddy.HttpPort}/");
            request.Headers.Host = Domain;
            using var response = await http.SendAsync(request);
            var body = (await response.Content.ReadAsStringAsync()).Trim();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
            bodies.Add(body);
        }

        return bodies;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await SwarmTasksCleanup.RemoveAsync(Name);
        }
        finally
        {
            Manager.Dispose();
            Api.Dispose();
            await Panel.DisposeAsync();
            await Caddy.DisposeAsync();
        }
    }
}
