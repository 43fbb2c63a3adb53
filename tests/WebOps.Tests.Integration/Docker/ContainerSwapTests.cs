using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebOps.Addons.Docker;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Hooks;
using WebOps.Core.Hooks;
using ContainerSpec = WebOps.Addons.Docker.Spec.ContainerSpec;
using RestartPolicyKind = Docker.DotNet.Models.RestartPolicyKind;

namespace WebOps.Tests.Integration.Docker;

/// <summary>The swap of an app's container as the real engine records it.</summary>
public sealed class ContainerSwapTests
{
    [DockerFact]
    public async Task A_swapped_in_container_runs_with_the_restart_policy_of_its_spec()
    {
        await using var kit = new DockerTestKit();
        using var engine = new DockerEngine(Options.Create(new DockerOptions { Endpoint = DockerAvailability.Endpoint }), NullLogger<DockerEngine>.Instance);
        var deployment = kit.Snapshot(port: 8080);
        // The test image's own command serves /www on 8080, so the swap's port probe gets its answer.
        var spec = ContainerSpec.For(deployment, TestImages.Busybox, deployment.HostPort, "127.0.0.1", 1) with { RestartPolicy = "on-failure:4" };
        var log = new ListLog();

        var (started, failure) = await new ContainerSwap(engine).RunAsync(
            kit.PostDeploymentContext(deployment, log), spec, TimeSpan.FromSeconds(60), engineRestarts: true, default);

        Assert.True(started is not null, $"{failure}\n{log.Text}");
        var container = await kit.InspectAsync(spec.Name);
        Assert.True(container.State!.Running);
        Assert.Equal(started.Id, container.ID);
        Assert.Equal((RestartPolicyKind.OnFailure, 4L), (container.HostConfig!.RestartPolicy!.Name, (long)container.HostConfig.RestartPolicy.MaximumRetryCount));
    }
}
