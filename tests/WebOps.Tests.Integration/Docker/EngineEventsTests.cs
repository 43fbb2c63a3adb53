using Docker.DotNet.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebOps.Addons.Docker;
using WebOps.Addons.Docker.Engine;

namespace WebOps.Tests.Integration.Docker;

/// <summary>The event stream the health monitor listens to.</summary>
public sealed class EngineEventsTests
{
    [DockerFact]
    public async Task A_managed_container_that_dies_is_reported_with_its_deployment()
    {
        await using var kit = new DockerTestKit();
        using var engine = new DockerEngine(
            Options.Create(new DockerOptions { Endpoint = DockerAvailability.Endpoint }), NullLogger<DockerEngine>.Instance);
        using var watch = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var died = WaitForAsync(engine, kit.Name, "die", watch.Token);

        // Events are only delivered once the watch is established; starting containers until one is seen avoids a race.
        var created = await kit.Client.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Image = TestImages.Busybox,
                Cmd = ["sh", "-c", "exit 7"],
                Labels = new Dictionary<string, string> { ["webops.deployment"] = kit.Name, ["webops.managed"] = "true" },
            },
            default);
        while (!died.IsCompleted)
        {
            await kit.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), watch.Token);
            await Task.WhenAny(died, Task.Delay(TimeSpan.FromSeconds(1), watch.Token));
        }

        var seen = await died;
        Assert.Equal(created.ID, seen.ContainerId);
        Assert.Equal(kit.Name, seen.Deployment);
        Assert.Equal("7", seen.Attributes["exitCode"]);
    }

    private static async Task<ContainerEvent> WaitForAsync(DockerEngine engine, string deployment, string action, CancellationToken ct)
    {
        await foreach (var item in engine.WatchEventsAsync(ct))
        {
            if (item.Deployment == deployment && item.Action == action)
            {
                return item;
            }
        }

        throw new InvalidOperationException("The event stream ended.");
    }
}
