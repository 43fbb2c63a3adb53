using System.Diagnostics;
using Docker.DotNet.Models;

namespace WebOps.Tests.Integration.Health;

/// <summary>Stops all other tests while it runs: it kills and restarts the Docker daemon.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DockerRestartCollection
{
    public const string Name = "docker daemon restart";
}

[Collection(DockerRestartCollection.Name)]
public sealed class DockerRestartTests
{
    [DisruptiveDockerFact]
    public async Task Monitor_follows_container_events_again_after_the_docker_daemon_restarts()
    {
        await using var app = await HealthPanel.DeployAsync("--Health:Interval=00:05:00");
        await app.WaitForHealthAsync("healthy");

        await RestartDockerdAsync();

        // The engine restarts the app (restart policy unless-stopped) or leaves it stopped; either way the
        // reconnected monitor must see the container's real state, and then its death.
        var id = await app.ContainerIdAsync();
        if (!(await app.Docker.Containers.InspectContainerAsync(id)).State!.Running)
        {
            await app.Docker.Containers.StartContainerAsync(id, new ContainerStartParameters());
        }

        await app.WaitForHealthAsync("healthy", TimeSpan.FromSeconds(90));
        var killedAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        await app.Docker.Containers.KillContainerAsync(id, new ContainerKillParameters());

        await app.WaitForHealthAsync("unhealthy", TimeSpan.FromSeconds(60));
        // Sweeps are 5 minutes apart, so only the monitor's link to the engine can explain this: either the
        // event stream reported the kill, or it reconnected just then and its reconnect sweep read the real
        // state (a probe may add its own entry too). A deaf monitor would leave the app "healthy" and time out.
        var history = (await app.HealthAsync()).GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, h => h.GetProperty("source").GetString() is "event" or "sweep"
            && h.GetProperty("status").GetString() == "unhealthy"
            && h.GetProperty("time").GetDateTimeOffset() >= killedAt);
    }

    /// <summary>Stops dockerd (SIGTERM, as a service manager would), then starts it the way scripts/install-test-deps.sh does.</summary>
    private static async Task RestartDockerdAsync()
    {
        var pid = int.Parse((await File.ReadAllTextAsync("/var/run/docker.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using (var dockerd = Process.GetProcessById(pid))
        {
            await RunAsync("kill", "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await dockerd.WaitForExitAsync(exited.Token);
        }

        await RunAsync("sh", "-c", "nohup dockerd >/var/log/dockerd.log 2>&1 &");
        for (var i = 0; i < 120; i++)
        {
            if (await RunAsync("docker", "info") == 0)
            {
                return;
            }

            await Task.Delay(500);
        }

        Assert.Fail("dockerd did not answer `docker info` within 60 s after its restart; see /var/log/dockerd.log");
    }

    private static async Task<int> RunAsync(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var drain = Task.WhenAll(p.StandardOutput.ReadToEndAsync(), p.StandardError.ReadToEndAsync());
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await p.WaitForExitAsync(limit.Token);
        await drain;
        return p.ExitCode;
    }
}
