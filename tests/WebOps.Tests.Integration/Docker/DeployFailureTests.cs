using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;

namespace WebOps.Tests.Integration.Docker;

/// <summary>Deploys that cannot succeed: the message says why, and nothing of the failed run stays behind.</summary>
public sealed class DeployFailureTests
{
    [Fact]
    public async Task Unreachable_engine_fails_with_the_endpoint_and_the_next_step()
    {
        var folder = Directory.CreateTempSubdirectory("webops-nope-").FullName;
        var endpoint = $"unix://{folder}/nope.sock";
        await using var kit = new DockerTestKit(new Dictionary<string, string?> { ["Docker:Endpoint"] = endpoint });
        kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\n");

        var result = await kit.DeployAsync(kit.Deployment(), DockerfileSourceTests.Detected(ProjectType.Static));

        var cause = $"Docker is not available: cannot reach the Docker engine at {endpoint}: {folder}/nope.sock does not exist. Install Docker or start the daemon.";
        Assert.False(result.Succeeded);
        Assert.Equal($"Addon 'docker' failed in pre_deployment: {cause}", result.Failure);
        Assert.Contains(result.Log.Lines, l => l.Level == DeploymentLogLevel.Error && l.Message == cause);
        Directory.Delete(folder);
    }

    [DockerFact]
    public async Task Failed_build_names_the_failing_step_and_leaves_no_image()
    {
        await using var kit = new DockerTestKit();
        // The echo names the deployment so the build cache cannot answer the step (and swallow its output).
        kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\nRUN echo before the failure of {kit.Name}\nRUN false\nCOPY . /www/\n");

        var result = await kit.DeployAsync(kit.Deployment(port: 8080), DockerfileSourceTests.Detected(ProjectType.Static));

        Assert.False(result.Succeeded);
        Assert.StartsWith($"Addon 'docker' failed in post_deployment: Build of '{kit.Name}' failed at Step 3/", result.Failure, StringComparison.Ordinal);
        Assert.Contains(" : RUN false: ", result.Failure, StringComparison.Ordinal);
        Assert.Contains("returned a non-zero code: 1", result.Failure, StringComparison.Ordinal);
        Assert.Contains(result.Log.Lines, l => l.Message == $"before the failure of {kit.Name}");
        Assert.Empty(await kit.LabelledImagesAsync());
        Assert.Empty(await kit.LabelledContainersAsync());
        await Assert.ThrowsAsync<DockerImageNotFoundException>(() => kit.Client.Images.InspectImageAsync($"webops/{kit.Name}:deploy-1"));
    }

    [DockerFact]
    public async Task Container_that_exits_at_once_fails_with_exit_code_and_output()
    {
        await using var kit = new DockerTestKit();
        kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\nCMD [\"sh\", \"-c\", \"echo boom; exit 3\"]\n");

        var result = await kit.DeployAsync(kit.Deployment(port: 8080), DockerfileSourceTests.Detected(ProjectType.Static));

        Assert.False(result.Succeeded);
        Assert.StartsWith($"Addon 'docker' failed in post_deployment: Container webops-{kit.Name} exited with code 3. Last 30 log lines:\n", result.Failure, StringComparison.Ordinal);
        Assert.EndsWith("\nboom", result.Failure, StringComparison.Ordinal);
        Assert.Empty(await kit.LabelledContainersAsync());
        Assert.Empty(await kit.LabelledImagesAsync());
    }

    [DockerFact]
    public async Task Host_port_in_use_fails_naming_the_port_and_the_next_step()
    {
        await using var kit = new DockerTestKit();
        kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY . /www/\n");
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var result = await kit.DeployAsync(
            kit.Deployment(port: 8080, d => d.HostPort = port), DockerfileSourceTests.Detected(ProjectType.Static));

        Assert.False(result.Succeeded);
        Assert.Equal(
            $"Addon 'docker' failed in post_deployment: Port 127.0.0.1:{port} is already in use on this host, so container webops-{kit.Name} cannot publish it. "
            + $"Stop what listens there (ss -ltnp 'sport = :{port}') or change the deployment's port, then redeploy.",
            result.Failure);
        Assert.Empty(await kit.LabelledContainersAsync());
    }

    [DockerFact]
    public async Task Failed_redeploy_puts_the_previous_container_back()
    {
        await using var kit = new DockerTestKit();

        // Version one listens a second after it starts, as most apps do: its port only answers once the rollback
        // has waited for it (the engine's proxy accepts and closes connections until then).
        kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY site/ /www/\nCMD [\"sh\", \"-c\", \"sleep 1; exec httpd -f -p 8080 -h /www\"]\n");
        kit.WriteFile("site/index.html", "version one");
        var first = kit.Deployment(port: 8080);
        var deployed = await kit.DeployAsync(first, DockerfileSourceTests.Detected(ProjectType.Static));
        Assert.True(deployed.Succeeded, deployed.Log.Text);

        kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\nCMD [\"sh\", \"-c\", \"echo broken; exit 1\"]\n");
        var redeployed = await kit.DeployAsync(first, DockerfileSourceTests.Detected(ProjectType.Static), runId: 2);

        Assert.False(redeployed.Succeeded);
        Assert.Contains(redeployed.Log.Lines, l => l.Message == $"Rolled back: the previous container webops-{kit.Name} runs again.");
        var container = await kit.InspectAsync($"webops-{kit.Name}");
        Assert.True(container.State!.Running);
        Assert.Equal($"webops/{kit.Name}:deploy-1", container.Config!.Image);
        Assert.Equal("version one", await DockerTestKit.GetAsync(deployed.Container.Url!));
        await Assert.ThrowsAsync<DockerImageNotFoundException>(() => kit.Client.Images.InspectImageAsync($"webops/{kit.Name}:deploy-2"));
        Assert.Single(await kit.LabelledContainersAsync());
    }

    [DockerFact]
    public async Task A_deploy_killed_mid_swap_is_recovered_by_the_next_one()
    {
        await using var kit = new DockerTestKit();
        var (deployment, name) = await DeployAndLeaveAsideAsync(kit);

        kit.WriteFile("site/index.html", "version two");
        var second = await kit.DeployAsync(deployment, DockerfileSourceTests.Detected(ProjectType.Static), runId: 2);

        Assert.True(second.Succeeded, second.Log.Text);
        Assert.Contains(second.Log.Lines, l => l.Message == $"Found {name}.previous from an interrupted deploy and named it {name} again.");
        Assert.Equal("version two", await DockerTestKit.GetAsync(second.Container.Url!));
        Assert.Equal([$"/{name}"], (await kit.LabelledContainersAsync()).SelectMany(c => c.Names));
    }

    [DockerFact]
    public async Task A_container_left_aside_by_an_interrupted_deploy_gets_its_name_back_even_when_the_next_build_fails()
    {
        await using var kit = new DockerTestKit();
        var (deployment, name) = await DeployAndLeaveAsideAsync(kit);

        // The container is looked up while the image builds, so the recovery does not wait for a build that succeeds.
        kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\nRUN exit 3\n");
        var second = await kit.DeployAsync(deployment, DockerfileSourceTests.Detected(ProjectType.Static), runId: 2);

        Assert.False(second.Succeeded);
        Assert.Contains(second.Log.Lines, l => l.Message == $"Found {name}.previous from an interrupted deploy and named it {name} again.");
        Assert.Equal([$"/{name}"], (await kit.LabelledContainersAsync()).SelectMany(c => c.Names));
    }

    /// <summary>Deploys version one, then leaves its container stopped under the set-aside name, as a deploy killed mid-swap does.</summary>
    private static async Task<(Deployment Deployment, string Name)> DeployAndLeaveAsideAsync(DockerTestKit kit)
    {
        kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY site/ /www/\n");
        kit.WriteFile("site/index.html", "version one");
        var deployment = kit.Deployment(port: 8080);
        var first = await kit.DeployAsync(deployment, DockerfileSourceTests.Detected(ProjectType.Static));
        Assert.True(first.Succeeded, first.Log.Text);
        var name = $"webops-{kit.Name}";
        await kit.Client.Containers.StopContainerAsync(name, new() { WaitBeforeKillSeconds = 10 });
        await kit.Client.Containers.RenameContainerAsync(name, new() { NewName = $"{name}.previous" }, default);
        return (deployment, name);
    }
}
