using WebOps.Core.Deployments;

namespace WebOps.Tests.Integration.Docker;

/// <summary>Settings that would make the container unsafe or unbuildable stop the deploy before the build.</summary>
public sealed class PrepareChecksTests
{
    [DockerFact]
    public async Task A_volume_on_a_host_path_denied_by_todays_settings_fails_before_the_build()
    {
        await using var kit = new DockerTestKit(new Dictionary<string, string?> { ["Docker:DeniedHostPaths:0"] = "/srv/secret" });
        kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\n");
        var deployment = kit.Deployment(port: 8080, d => d.DockerVolumes = ["/srv/app-data:/data", "/srv/secret/keys:/keys:ro"]);

        var result = await kit.DeployAsync(deployment, DockerfileSourceTests.Detected(ProjectType.Static));

        Assert.False(result.Succeeded);
        Assert.Equal(
            "Addon 'docker' failed in pre_deployment: docker_volumes[1]: host path '/srv/secret/keys' is not allowed (it is under /srv/secret, denied by Docker:DeniedHostPaths); mount a folder under /srv or /var/lib instead",
            result.Failure);
        Assert.DoesNotContain(result.Log.Lines, l => l.Message.StartsWith("Building image", StringComparison.Ordinal));
        Assert.Empty(await kit.LabelledImagesAsync());
    }
}
