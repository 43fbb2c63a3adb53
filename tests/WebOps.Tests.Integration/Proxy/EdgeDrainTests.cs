using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Docker.DotNet.Models;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.EndToEnd;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Proxy;

/// <summary>
/// The drain after an edge switch ends as soon as Caddy has no request in flight to the previous release, not after
/// the whole drain timeout, and never while a request the previous release took is still running.
/// </summary>
public sealed class EdgeDrainTests
{
    // A drain timeout no test should reach: a drain that ended early says so in the deploy log.
    private const string LongDrain = "--Deployments:DrainTimeout=00:01:00";

    [DockerFact]
    public async Task A_redeploy_without_traffic_ends_its_drain_because_no_request_is_in_flight()
    {
        await using var caddy = await TestCaddy.StartAsync();
        await using var world = await DeployedApp.StartAsync(caddy.PanelArgs(LongDrain));
        var (name, domain, repo) = await DeployFirstAsync(world, caddy.HttpPort, "drain");

        await repo.CommitAsync("version 2", ("site/index.html", "version 2"));
        var (result, error) = await world.RedeployAsync(name);

        var log = await world.LogAsync(name);
        Assert.True(result == "succeeded", $"{result}: {error}\n{log}");
        Assert.Equal("version 2", await EdgeGet.BodyAsync(caddy.HttpPort, domain));
        Assert.Contains($"The previous container webops-{name} drains until the edge has no request in flight to it, for 1 min at most.", log, StringComparison.Ordinal);
        // A guard only: the log line says why the drain ended.
        Assert.True(DrainSeconds(log, name) < 30, log);
    }

    [DockerFact]
    public async Task A_request_held_across_the_switch_completes_and_the_previous_container_stops_only_after_it()
    {
        await using var caddy = await TestCaddy.StartAsync();
        await using var world = await DeployedApp.StartAsync(caddy.PanelArgs(LongDrain));
        var (name, domain, repo) = await DeployFirstAsync(world, caddy.HttpPort, "drainheld");
        var old = Assert.Single(await world.ContainersAsync(name)).ID;
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        // The previous release takes the request before the switch and holds it until the test lets it go.
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(3) };
        using var held = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{caddy.HttpPort}/cgi-bin/held");
        held.Headers.Host = domain;
        var answer = http.SendAsync(held);
        await WaitHeldAsync(world, old);

        await repo.CommitAsync("version 2", ("site/index.html", "version 2"));
        int id;
        using (var run = await world.Api.PostAsync($"/api/deployments/{name}/deploy", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
            id = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        }

        // Switched: the edge sends new requests to the new release while the held one still runs on the old.
        await ServesAsync(caddy.HttpPort, domain, "version 2");
        Assert.False(answer.IsCompleted, "the held request ended before the switch");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(answer.IsCompleted, "the held request ended during the drain");
        await ExecAsync(world, old, "/bin/busybox", "touch", "/tmp/go");

        using var response = await answer;
        var answered = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("held by version 1", (await response.Content.ReadAsStringAsync()).Trim());

        var d = await world.WaitForDeployAsync(name, afterRun: id - 1);
        var log = await world.LogAsync(name);
        Assert.True(d.GetProperty("status").GetString() == "running", log);
        // The drain lasted while the request was held after the switch (3 s from the first answer of the new release; the
        // switch returns once the edge's health checks saw it, up to about a second later), and ended once it was through.
        Assert.True(DrainSeconds(log, name) >= 1, log);
        var died = await StoppedAtAsync(world, old, since);
        Assert.True(died >= answered.AddMilliseconds(-50), $"the previous container stopped at {died:O}, the held request was answered at {answered:O}\n{log}");
    }

    /// <summary>How long the drain took, from its log line, which must say it ended because no request was in flight.</summary>
    private static double DrainSeconds(string log, string name)
    {
        var match = Regex.Match(log, $@"The previous container webops-{Regex.Escape(name)} drained in ([0-9.]+) s: the edge had no request in flight to it\.");
        Assert.True(match.Success, $"no drain line saying no request was in flight:\n{log}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static (string File, string Content)[] Site(string page) =>
    [
        ("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY site/ /www/\nRUN [\"/bin/busybox\", \"chmod\", \"755\", \"/www/cgi-bin/held\"]\n"),
        ("site/index.html", page),
        // Answers once /tmp/go exists in its container (two minutes at most); /tmp/held tells the test it runs.
        ("site/cgi-bin/held", $"#!/bin/sh\n/bin/busybox touch /tmp/held\ni=0\nwhile [ ! -f /tmp/go ] && [ $i -lt 1200 ]; do /bin/busybox sleep 0.1; i=$((i+1)); done\necho 'Content-Type: text/plain'\necho ''\necho 'held by {page}'\n"),
    ];

    private static async Task<(string Name, string Domain, GitRepo Repo)> DeployFirstAsync(DeployedApp world, int httpPort, string prefix)
    {
        var name = world.NewName(prefix);
        var domain = $"{name}.test";
        var repo = await GitRepo.CreateAsync(Site("version 1"));
        using (var created = await world.Api.PostAsJsonAsync("/api/deployments", new
        {
            name,
            repo_url = repo.Url,
            use_docker = true,
            project_type = "static",
            port = 8080,
            domains = new[] { domain },
            tls = "off",
        }))
        {
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        var d = await world.WaitForDeployAsync(name);
        Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
        Assert.Equal("version 1", await EdgeGet.BodyAsync(httpPort, domain));
        return (name, domain, repo);
    }

    /// <summary>Asks the edge (bounded) until it answers <paramref name="body"/>.</summary>
    private static async Task ServesAsync(int httpPort, string domain, string body)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        var last = "";
        while (last != body)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{domain} did not answer '{body}' within 3 minutes; last: {last}");
            await Task.Delay(100);
            last = await EdgeGet.BodyAsync(httpPort, domain);
        }
    }

    /// <summary>Waits (bounded) until the held request runs in the container.</summary>
    private static async Task WaitHeldAsync(DeployedApp world, string container)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await ExecAsync(world, container, "/bin/busybox", "test", "-f", "/tmp/held") != 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the held request did not reach the container within 60 s");
            await Task.Delay(200);
        }
    }

    private static async Task<long> ExecAsync(DeployedApp world, string container, params string[] command)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var exec = await world.Engine.Exec.CreateContainerExecAsync(container, new() { Cmd = command, AttachStdout = true, AttachStderr = true }, timeout.Token);
        using (var output = await world.Engine.Exec.StartContainerExecAsync(exec.ID, new(), timeout.Token))
        {
            await output.ReadOutputToEndAsync(timeout.Token);
        }

        return (await world.Engine.Exec.InspectContainerExecAsync(exec.ID, timeout.Token)).ExitCode ?? -1;
    }

    /// <summary>When the engine first reported the container stopping (kill or die), from its event log.</summary>
    private static async Task<DateTimeOffset> StoppedAtAsync(DeployedApp world, string container, DateTimeOffset since)
    {
        var events = new List<Message>();
        await world.Engine.System.MonitorEventsAsync(
            new ContainerEventsParameters
            {
                Since = since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                Until = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["container"] = new Dictionary<string, bool> { [container] = true } },
            },
            new Collect(events));
        var stops = events.Where(e => e.Action is "kill" or "die" or "stop").Select(e => DateTimeOffset.FromUnixTimeMilliseconds((e.TimeNano ?? 0) / 1_000_000)).ToList();
        Assert.True(stops.Count > 0, $"no stop event for {container}: {string.Join(", ", events.Select(e => e.Action))}");
        return stops.Min();
    }

    /// <summary>Keeps each event as it is read (<see cref="Progress{T}"/> would hand them to the thread pool, maybe too late).</summary>
    private sealed class Collect(List<Message> events) : IProgress<Message>
    {
        public void Report(Message value) => events.Add(value);
    }
}
