using WebOps.Addons.Docker.Runtime;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Runtime;

namespace WebOps.Tests.Integration.Docker;

/// <summary>What the panel's Start/Stop/Restart/Delete buttons and the health monitor do to a deployed container.</summary>
public sealed class RuntimeTests
{
    [DockerFact]
    public async Task Stop_start_and_restart_change_the_container_state()
    {
        await using var kit = await DeployedSiteAsync();
        var deployment = kit.Snapshot(port: 8080);
        var runtime = kit.Runtime;

        await runtime.StopAsync(deployment, default);
        var stopped = await runtime.InspectAsync(deployment, default);
        Assert.False(stopped!.Running);
        Assert.Equal("exited", stopped.State);

        await runtime.StartAsync(deployment, default);
        var started = await kit.InspectAsync(deployment.ContainerName);
        Assert.True(started.State!.Running);

        await runtime.RestartAsync(deployment, default);
        var restarted = await kit.InspectAsync(deployment.ContainerName);
        Assert.True(restarted.State!.Running);
        Assert.NotEqual(started.State.StartedAt, restarted.State.StartedAt);
        Assert.Equal("running", (await runtime.InspectAsync(deployment, default))!.State);
    }

    [DockerFact]
    public async Task Logs_keep_stdout_and_stderr_apart()
    {
        await using var kit = new DockerTestKit();
        kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY . /www/\nCMD [\"sh\", \"-c\", \"echo to-out; echo to-err >&2; exec httpd -f -p 8080 -h /www\"]\n");
        var result = await kit.DeployAsync(kit.Deployment(port: 8080), DockerfileSourceTests.Detected(ProjectType.Static));
        Assert.True(result.Succeeded, result.Log.Text);

        var lines = await kit.Runtime.GetLogsAsync(result.Deployment, 10, default);

        Assert.Contains(lines, l => l.Stream == "stdout" && l.Text == "to-out" && l.Time is not null);
        Assert.Contains(lines, l => l.Stream == "stderr" && l.Text == "to-err");
    }

    [DockerFact]
    public async Task Actions_on_a_container_that_was_never_deployed_say_so()
    {
        await using var kit = new DockerTestKit();
        var deployment = kit.Snapshot();

        var error = await Assert.ThrowsAsync<ContainerMissingException>(() => kit.Runtime.StartAsync(deployment, default));

        Assert.Equal($"Container webops-{kit.Name} does not exist; deploy it first.", error.Message);
        Assert.Null(await kit.Runtime.InspectAsync(deployment, default));
    }

    [DockerFact]
    public async Task Remove_with_images_leaves_nothing_labelled_for_the_deployment()
    {
        await using var kit = await DeployedSiteAsync();
        var deployment = kit.Snapshot(port: 8080);
        Assert.NotEmpty(await kit.LabelledImagesAsync());

        await kit.Runtime.RemoveAsync(deployment, new RemoveOptions(Images: true), default);

        Assert.Empty(await kit.LabelledContainersAsync());
        Assert.Empty(await kit.LabelledImagesAsync());
        await Assert.ThrowsAsync<global::Docker.DotNet.DockerImageNotFoundException>(
            () => kit.Client.Images.InspectImageAsync(deployment.ImageName));
    }

    [DockerFact]
    public async Task Health_reports_metrics_while_running_and_unhealthy_once_stopped()
    {
        await using var kit = await DeployedSiteAsync();
        var deployment = kit.Snapshot(port: 8080);
        var health = kit.Handler("docker.health");

        var running = DockerTestKit.HealthContext(deployment, new ListLog());
        var healthy = await health.ExecuteAsync(running, default);
        await kit.Runtime.StopAsync(deployment, default);
        var stopped = DockerTestKit.HealthContext(deployment, new ListLog());
        var unhealthy = await health.ExecuteAsync(stopped, default);

        Assert.Equal(HealthState.Healthy, healthy.Health);
        Assert.Equal("running", running.Metrics["state"]);
        Assert.Equal(0L, running.Metrics["restart_count"]);
        Assert.Equal("none", running.Metrics["docker_health"]);
        Assert.False(running.Metrics.ContainsKey("cpu_percent")); // a resource sample costs the engine a second: not per check
        Assert.Equal(HealthState.Unhealthy, unhealthy.Health);
        Assert.StartsWith($"Container webops-{kit.Name} is exited (exit code ", unhealthy.Message, StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task Health_of_a_missing_container_is_unhealthy()
    {
        await using var kit = new DockerTestKit();
        var context = DockerTestKit.HealthContext(kit.Snapshot(), new ListLog());

        var result = await kit.Handler("docker.health").ExecuteAsync(context, default);

        Assert.Equal(HealthState.Unhealthy, result.Health);
        Assert.Equal($"Container webops-{kit.Name} does not exist; deploy it first.", result.Message);
    }

    [DockerFact]
    public async Task The_engine_restarts_a_deployed_container_whose_app_crashed()
    {
        await using var kit = await DeployedSiteAsync();
        var name = $"webops-{kit.Name}";
        var before = await kit.InspectAsync(name);
        Assert.Equal(0, before.RestartCount);

        // A crash as the engine sees one: the server process dies from inside. (docker kill would count as a stop by
        // the user, which unless-stopped does not undo.) PID 1 is the container's init; the server is its only child.
        await ExecAsync(kit, name, "sh", "-c", "kill -KILL $(cat /proc/1/task/1/children)");

        var restarted = await PollAsync(
            // While it waits to be restarted the engine reports the container Running and Restarting at once.
            async () => await kit.InspectAsync(name) is { RestartCount: > 0, State: { Running: true, Restarting: false } } c ? c : null,
            "the engine to restart the container after its app was killed",
            async () =>
            {
                var c = await kit.InspectAsync(name);
                return $"{c.State?.Status}, {c.RestartCount} restarts, restart policy {c.HostConfig?.RestartPolicy?.Name}";
            });
        Assert.Equal(before.ID, restarted.ID);
        Assert.NotEqual(before.State!.StartedAt, restarted.State!.StartedAt);
        var port = restarted.NetworkSettings!.Ports!["8080/tcp"][0].HostPort;
        var page = await PollAsync(
            async () =>
            {
                try
                {
                    return await DockerTestKit.GetAsync($"http://127.0.0.1:{port}/");
                }
                catch (HttpRequestException)
                {
                    return null;
                }
            },
            "the restarted app to answer on its port",
            () => Task.FromResult($"port {port}"));
        Assert.Equal(SitePage(kit), page);
    }

    /// <summary>Polls every 250 ms for up to 60 s; fails saying what never happened and the last state.</summary>
    private static async Task<T> PollAsync<T>(Func<Task<T?>> probe, string what, Func<Task<string>> state)
        where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"Waited 60 s for {what}; last state: {await state()}");
        return null!;
    }

    private static async Task ExecAsync(DockerTestKit kit, string container, params string[] command)
    {
        var exec = await kit.Client.Exec.CreateContainerExecAsync(
            container, new() { Cmd = command, AttachStdout = true, AttachStderr = true }, default);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using (var output = await kit.Client.Exec.StartContainerExecAsync(exec.ID, new(), timeout.Token))
        {
            var (stdout, stderr) = await output.ReadOutputToEndAsync(timeout.Token);
            var result = await kit.Client.Exec.InspectContainerExecAsync(exec.ID, timeout.Token);
            Assert.True(result.ExitCode == 0, $"{string.Join(' ', command)} exited {result.ExitCode}: {stdout}{stderr}");
        }
    }

    private static string SitePage(DockerTestKit kit) => $"site of {kit.Name}";

    private static async Task<DockerTestKit> DeployedSiteAsync(IDictionary<string, string?>? settings = null)
    {
        var kit = new DockerTestKit(settings);
        try
        {
            kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY . /www/\n");
            kit.WriteFile("index.html", SitePage(kit));
            var result = await kit.DeployAsync(kit.Deployment(port: 8080), DockerfileSourceTests.Detected(ProjectType.Static));
            Assert.True(result.Succeeded, result.Log.Text);
            return kit;
        }
        catch
        {
            await kit.DisposeAsync();
            throw;
        }
    }
}
