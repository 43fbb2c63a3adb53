using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebOps.Addons.Process;
using WebOps.Addons.Process.Build;
using WebOps.Addons.Process.Hooks;
using WebOps.Addons.Process.Runtime;
using WebOps.Addons.Process.Systemd;
using WebOps.Core.Deployments;
using WebOps.Core.Detection;
using WebOps.Core.Hooks;
using WebOps.Core.Processes;
using WebOps.Core.Systemd;
using WebOps.Tests.Unit.Addons;

namespace WebOps.Tests.Unit.ProcessAddon;

/// <summary>Docker deployments belong to the Docker addon: every process handler succeeds without touching anything.</summary>
public sealed class DockerDeploymentsTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "webops-data-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Process_handlers_do_nothing_and_succeed_for_docker_deployments()
    {
        var paths = new AppPaths(data);
        var options = Options.Create(new ProcessOptions());
        var processes = new ProcessRunner(NullLogger<ProcessRunner>.Instance);
        var systemctl = new SystemctlClient(processes, Options.Create(new SystemdOptions()));
        var units = new UnitInstaller(systemctl, Options.Create(new SystemdOptions()));
        var apps = new ProcessApps(paths, options, new SupervisorChoice(new ConfigurationBuilder().Build(), systemctl, NullLogger<SupervisorChoice>.Instance),
            new SystemdHost(new SystemdUnitRenderer(), units), TimeProvider.System, NullLogger<ProcessApps>.Instance);
        IHookHandler[] handlers =
        [
            new ProcessPrepareHandler(paths, new DjangoBuild(paths, new CommandRunner(processes), options)),
            new ProcessRunHandler(paths, apps, new ProcessReleaseBeside(paths, apps, options)),
            new ProcessHealthHandler(paths, apps),
        ];

        foreach (var handler in handlers)
        {
            var context = Context(handler.Name == ProcessHealthHandler.HandlerName ? HookEvent.HealthCheck : HookEvent.PostDeployment);
            var result = await handler.ExecuteAsync(context, CancellationToken.None);

            Assert.True(result.Succeeded, $"{handler.Name}: {result.Message}");
            Assert.Equal(HealthState.Unknown, result.Health);
            Assert.Null(result.App);
            Assert.Empty(context.Metrics);
        }

        Assert.False(Directory.Exists(data), "a handler wrote into the data folder for a Docker deployment");
    }

    private static HookContext Context(HookEvent hookEvent) => new()
    {
        Event = hookEvent,
        Deployment = new DeploymentSnapshot
        {
            Id = 1,
            Name = "dockerized",
            RepoUrl = "file:///nowhere",
            Branch = "main",
            ProjectType = ProjectType.Django,
            Port = 8000,
            HostPort = 20500,
            UseDocker = true,
            ImageName = "webops/dockerized:latest",
            ContainerName = "webops-dockerized",
            DeployRunId = 7,
        },
        CheckoutPath = "/nonexistent-checkout",
        Detection = new DetectionResult { Type = ProjectType.Django, WsgiModule = "mysite.wsgi", Reason = "test" },
        Log = new RecordingLog(),
    };
}
