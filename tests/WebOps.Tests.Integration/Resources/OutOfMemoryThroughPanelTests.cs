using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebOps.Health;
using WebOps.Hosting;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.EndToEnd;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Resources;

/// <summary>
/// An app from a git repository that runs past its memory limit, seen the way its owner sees it: through the panel's
/// API, its health history and its page, with the real engine killing it and its restart policy bringing it back.
/// </summary>
public sealed class OutOfMemoryThroughPanelTests
{
    private const string Killed = "killed: out of memory (limit 64 MiB)";

    // Serves at once; when /tmp/go appears it removes it and becomes (exec) an awk that doubles a string past the 64 MiB
    // limit. The kernel kills that process, PID 1, the restart policy starts the container again, and without /tmp/go
    // it serves on. The growth is in PID 1 alone: with a pipeline (head | tr into a shell variable) the kernel sometimes
    // killed a process of the pipeline first, so one "kill" was two oom events with the container running between.
    private static string Dockerfile => $"FROM {TestImages.Busybox}\nCOPY site/ /www/\nEXPOSE 8080\n"
        + "CMD [\"sh\", \"-c\", \"httpd -p 8080 -h /www; while [ ! -f /tmp/go ]; do sleep 0.2; done; rm /tmp/go; "
        + "exec awk 'BEGIN { s = 1; while (1) s = s s }'\"]\n";

    [DockerFact]
    public async Task An_app_killed_for_memory_shows_it_on_its_page_and_in_its_health_history_and_its_policy_restarts_it()
    {
        await using var world = await DeployedApp.StartAsync();
        var name = world.NewName("oom");
        var (url, id) = await DeployLimitedAsync(world, name, Dockerfile);

        // What the panel made of the engine's events, for the message when the history never shows the kill.
        var handled = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var follower = world.Panel.Services.GetKeyedServices<IHostedService>(AfterListening.Key).OfType<RuntimeEventsFollower>().Single();
        follower.Handled += (e, reaction) =>
        {
            if (e.InstanceId == id)
            {
                handled.Enqueue($"{e.Time:HH:mm:ss.fff} {e.Action} -> {reaction.Action} {reaction.Cause}");
            }
        };

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(240));
        var kills = await KillForMemoryAsync(world, id, deadline.Token);

        // The history, newest first: the kill from the engine's oom event, then a check of the restarted container.
        var (history, killedAt) = await WaitForHistoryAsync(world, name, id, kills, handled, deadline.Token);
        var kill = history[killedAt];
        Assert.Equal("unhealthy", kill.GetProperty("status").GetString());

        // One kill is one entry, however many times the kernel reported it (see RepeatedKills).
        Assert.True(history.Count(IsKill) == 1, $"{history.Count(IsKill)} kill entries for one reported kill:\n{Describe(history)}");
        Assert.Equal($"container webops-{name} {Killed}; raise its memory limit or fix the leak", kill.GetProperty("message").GetString());
        var after = history.Take(killedAt).Last(e => e.GetProperty("message").GetString()?.StartsWith($"Container webops-{name} is running", StringComparison.Ordinal) == true);
        var expected = $"Container webops-{name} is running (restarts: {kills}, Docker health: none).";
        Assert.True(after.GetProperty("message").GetString() == expected, $"expected the first running check after the kill to say \"{expected}\"; events the panel handled:\n{string.Join('\n', handled)}\nhistory, newest first:\n{Describe(history)}");
        Assert.True(after.GetProperty("metrics").TryGetProperty("docker.restart_count", out var restarts) && restarts.GetInt32() == kills, after.ToString());

        var container = await world.Engine.Containers.InspectContainerAsync(id, deadline.Token);
        Assert.Equal((true, (long)kills), (container.State!.Running, container.RestartCount));
        Assert.Equal("still here", await DeployedApp.FetchAsync(url));
        var d = await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}", deadline.Token);
        Assert.Equal(("running", "healthy"), (d.GetProperty("status").GetString(), d.GetProperty("health").GetString()));

        using var browser = await world.Panel.LoggedInAsync();
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/deployments/{name}", deadline.Token));
        var card = page[page.IndexOf("data-health-history", StringComparison.Ordinal)..];
        Assert.Contains($"container webops-{name} {Killed}; raise its memory limit or fix the leak", card, StringComparison.Ordinal);
        Assert.Contains($"Container webops-{name} is running (restarts: {kills}, Docker health: none).", card, StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task A_process_killed_for_memory_in_a_container_that_runs_on_is_told_apart_from_a_killed_container()
    {
        await using var world = await DeployedApp.StartAsync();
        var name = world.NewName("oomc");
        // The shell stays PID 1; on /tmp/go a child awk outgrows the limit, the kernel kills that child alone, and the
        // shell writes its exit status (137) to a file the app serves.
        var dockerfile = $"FROM {TestImages.Busybox}\nCOPY site/ /www/\nEXPOSE 8080\n"
            + "CMD [\"sh\", \"-c\", \"httpd -p 8080 -h /www; : > /www/kills; while true; do if [ -f /tmp/go ]; then rm /tmp/go; "
            + "awk 'BEGIN { s = 1; while (1) s = s s }'; echo $? >> /www/kills; fi; sleep 0.2; done\"]\n";
        var (url, id) = await DeployLimitedAsync(world, name, dockerfile);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(240));
        var startedAt = (await world.Engine.Containers.InspectContainerAsync(id, deadline.Token)).State!.StartedAt;

        var kills = await KillForMemoryAsync(world, id, "left with a killed child", async n =>
            (await DeployedApp.FetchAsync(url + "kills")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l == "137") >= n, deadline.Token);

        var told = $"a process in container webops-{name} {Killed}; the container kept running; raise its memory limit or fix the leak";
        List<JsonElement> history = [];
        var until = DateTime.UtcNow.AddSeconds(90);
        while (!history.Any(e => e.GetProperty("message").GetString() == told) && DateTime.UtcNow < until)
        {
            await Task.Delay(500, deadline.Token);
            var health = await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/health?limit=100", deadline.Token);
            history = [.. health.GetProperty("history").EnumerateArray()];
        }

        Assert.True(history.Any(e => e.GetProperty("message").GetString() == told), $"expected \"{told}\" ({kills} kills); history, newest first:\n{Describe(history)}");
        Assert.DoesNotContain(history, e => e.GetProperty("message").GetString()!.StartsWith($"container webops-{name} killed", StringComparison.Ordinal));
        var container = await world.Engine.Containers.InspectContainerAsync(id, deadline.Token);
        Assert.Equal((true, 0L, startedAt), (container.State!.Running, container.RestartCount, container.State.StartedAt));
        Assert.Equal("still here", await DeployedApp.FetchAsync(url));
    }

    /// <summary>Deploys the Dockerfile with a 64 MiB limit and the on-failure policy; returns the app's URL and container once it serves.</summary>
    private static async Task<(string Url, string ContainerId)> DeployLimitedAsync(DeployedApp world, string name, string dockerfile)
    {
        var repo = await GitRepo.CreateAsync(("Dockerfile", dockerfile), ("site/index.html", "still here"));
        var created = await world.Api.PostAsJsonAsync("/api/deployments",
            new { name, repo_url = repo.Url, use_docker = true, memory_limit = "64m", restart_policy = "on-failure" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var d = await world.WaitForDeployAsync(name);
        Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
        var url = d.GetProperty("url").GetString()!;
        Assert.Equal("still here", await DeployedApp.FetchAsync(url));
        return (url, d.GetProperty("container_id").GetString()!);
    }

    /// <summary>
    /// Makes the app outgrow its limit until the engine itself reports the kill, and returns how many kills that took
    /// (each one a restart). The engine sometimes misses an out-of-memory kill: about 1 in 100 under load here, the
    /// container then shows exit code 137 with <c>OOMKilled</c> false and no <c>oom</c> event, so nobody can tell it
    /// from another SIGKILL. The test is about what the panel makes of the engine's report, so such a kill is made again,
    /// at most twice. Whether the engine reported is read from its own event stream, not from the panel.
    /// </summary>
    private static Task<int> KillForMemoryAsync(DeployedApp world, string id, CancellationToken ct) =>
        KillForMemoryAsync(world, id, "killed and restarted", async kills =>
            await world.Engine.Containers.InspectContainerAsync(id, ct) is { State.Running: true } c && c.RestartCount >= kills, ct);

    /// <summary>As above, with <paramref name="killed"/> telling when kill number N (1, 2, 3) has happened.</summary>
    private static async Task<int> KillForMemoryAsync(DeployedApp world, string id, string what, Func<int, Task<bool>> killed, CancellationToken ct)
    {
        var reported = 0;
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var since = DateTimeOffset.UtcNow.AddSeconds(-2).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var filters = new Dictionary<string, IDictionary<string, bool>>
        {
            ["container"] = new Dictionary<string, bool> { [id] = true },
            ["event"] = new Dictionary<string, bool> { ["oom"] = true },
        };
        var watch = world.Engine.System.MonitorEventsAsync(
            new ContainerEventsParameters { Since = since, Filters = filters }, new Progress<Message>(_ => Interlocked.Increment(ref reported)), watching.Token);
        try
        {
            for (var kills = 1; ; kills++)
            {
                var exec = await world.Engine.Exec.CreateContainerExecAsync(id, new ContainerExecCreateParameters { Cmd = ["touch", "/tmp/go"] }, ct);
                using (await world.Engine.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), ct))
                {
                }

                // Killed (and, for the main process, running again). Then the engine has had its chance to report.
                var until = DateTime.UtcNow.AddSeconds(60);
                while (!await killed(kills))
                {
                    Assert.True(DateTime.UtcNow < until, $"The container was not {what} (kill {kills}) within 60 s.");
                    await Task.Delay(250, ct);
                }

                until = DateTime.UtcNow.AddSeconds(10);
                while (Volatile.Read(ref reported) == 0 && DateTime.UtcNow < until)
                {
                    await Task.Delay(250, ct);
                }

                if (Volatile.Read(ref reported) > 0)
                {
                    return kills;
                }

                Assert.True(kills < 3, $"The engine reported none of {kills} out-of-memory kills (no oom event).");
            }
        }
        finally
        {
            await watching.CancelAsync();
            await watch.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    /// <summary>Polls the health history until it holds the kill and, newer than it, a check of the running container.</summary>
    private static async Task<(List<JsonElement> History, int KilledAt)> WaitForHistoryAsync(
        DeployedApp world, string name, string id, int kills, IEnumerable<string> handled, CancellationToken ct)
    {
        var history = new List<JsonElement>();
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            var health = await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/health?limit=100", ct);
            history = [.. health.GetProperty("history").EnumerateArray()];
            var killedAt = history.FindIndex(IsKill);
            if (killedAt > 0 && history.Take(killedAt).Any(e => e.GetProperty("message").GetString()?.Contains($"is running (restarts: {kills}", StringComparison.Ordinal) == true))
            {
                return (history, killedAt);
            }

            await Task.Delay(500, ct);
        }

        var state = (await world.Engine.Containers.InspectContainerAsync(id, ct)).State!;
        throw new TimeoutException($"No out-of-memory kill followed by a running check in the health history of '{name}' "
            + $"(engine: running {state.Running}, OOMKilled {state.OOMKilled}, exit code {state.ExitCode}); events the panel handled:\n"
            + string.Join('\n', handled) + "\nhistory, newest first:\n" + Describe(history));
    }

    private static bool IsKill(JsonElement entry) => entry.GetProperty("message").GetString()?.Contains(Killed, StringComparison.Ordinal) == true;

    /// <summary>The newest 20 entries of the history and how many more there are, so a flood of checks cannot hide the rest of a message.</summary>
    private static string Describe(List<JsonElement> history) =>
        string.Join('\n', history.Take(20).Select(e => $"{e.GetProperty("time")} {e.GetProperty("status")} {e.GetProperty("source")}: {e.GetProperty("message")}"))
        + (history.Count > 20 ? $"\n... and {history.Count - 20} older entries" : "");
}
