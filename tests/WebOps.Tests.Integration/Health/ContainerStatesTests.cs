using Docker.DotNet.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WebOps.Addons.Docker;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Hooks;
using WebOps.Core.Deployments;
using WebOps.Core.Detection;
using WebOps.Core.Health;
using WebOps.Core.Hooks;
using WebOps.Tests.Integration.Docker;

namespace WebOps.Tests.Integration.Health;

/// <summary>
/// The Docker health check reads one kept container list and kept inspect answers: a change outside the panel still
/// reaches the next check, through the engine's event, however long the list would otherwise be kept.
/// </summary>
public sealed class ContainerStatesTests
{
    [DockerFact]
    public async Task A_container_stopped_outside_the_panel_is_unhealthy_at_the_next_check_though_the_list_is_kept()
    {
        await using var kit = new DockerTestKit();
        kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY . /www/\n");
        kit.WriteFile("index.html", kit.Name);
        var deployed = await kit.DeployAsync(kit.Deployment(port: 8080), DockerfileSourceTests.Detected(ProjectType.Static));
        Assert.True(deployed.Succeeded, deployed.Log.Text);
        using var engine = new DockerEngine(Options.Create(new DockerOptions { Endpoint = DockerAvailability.Endpoint }), NullLogger<DockerEngine>.Instance);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow); // never moves: only an event can drop the kept list
        var states = new ContainerStates(engine, clock);
        var handler = new DockerHealthHandler(engine, states);
        var deployment = kit.Snapshot(port: 8080);
        using var following = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var died = new TaskCompletionSource();
        var watch = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in new DockerEventSource(engine, states).WatchAsync(following.Token))
                {
                    if (e.Action == "die" && e.InstanceName == deployment.ContainerName)
                    {
                        died.TrySetResult();
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The test is over.
            }
        });

        var first = await CheckAsync(handler, deployment);
        var second = await CheckAsync(handler, deployment); // the kept list and inspect answer
        await kit.Client.Containers.StopContainerAsync(deployment.ContainerName, new ContainerStopParameters { WaitBeforeKillSeconds = 1 });
        await died.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var stopped = await CheckAsync(handler, deployment);
        await following.CancelAsync();
        await watch;

        Assert.Equal(HealthState.Healthy, first.Health);
        Assert.Equal(first.Message, second.Message);
        Assert.Equal($"Container {deployment.ContainerName} is running (restarts: 0, Docker health: none).", second.Message);
        Assert.Equal(HealthState.Unhealthy, stopped.Health);
        Assert.StartsWith($"Container {deployment.ContainerName} is exited (exit code ", stopped.Message, StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task Without_the_event_stream_nothing_is_kept_beyond_the_list_and_a_stop_is_seen_once_the_list_is_old()
    {
        await using var kit = new DockerTestKit();
        kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY . /www/\n");
        kit.WriteFile("index.html", kit.Name);
        var deployed = await kit.DeployAsync(kit.Deployment(port: 8080), DockerfileSourceTests.Detected(ProjectType.Static));
        Assert.True(deployed.Succeeded, deployed.Log.Text);
        using var engine = new DockerEngine(Options.Create(new DockerOptions { Endpoint = DockerAvailability.Endpoint }), NullLogger<DockerEngine>.Instance);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var handler = new DockerHealthHandler(engine, new ContainerStates(engine, clock));
        var deployment = kit.Snapshot(port: 8080);

        var running = await CheckAsync(handler, deployment);
        await kit.Client.Containers.StopContainerAsync(deployment.ContainerName, new ContainerStopParameters { WaitBeforeKillSeconds = 1 });
        clock.Advance(ContainerStates.ListMaxAge);
        var stopped = await CheckAsync(handler, deployment);

        Assert.Equal(HealthState.Healthy, running.Health);
        Assert.Equal(HealthState.Unhealthy, stopped.Health);
        Assert.StartsWith($"Container {deployment.ContainerName} is exited (exit code ", stopped.Message, StringComparison.Ordinal);
    }

    private static Task<HookResult> CheckAsync(DockerHealthHandler handler, DeploymentSnapshot deployment) =>
        handler.ExecuteAsync(DockerTestKit.HealthContext(deployment, new ListLog()), default);
}
