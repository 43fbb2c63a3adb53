using WebOps.Addons.Docker.Build;
using WebOps.Core.Deployments;
using WebOps.Core.Detection;
using WebOps.Core.Hooks;

namespace WebOps.Tests.Unit.Docker;

public sealed class DockerfileLocatorTests
{
    private static readonly DeploymentSnapshot Site = new()
    {
        Id = 1,
        Name = "site",
        RepoUrl = "https://example.com/site.git",
        Branch = "main",
        ProjectType = ProjectType.Static,
        Port = 80,
        UseDocker = true,
        ImageName = "webops/site:latest",
        ContainerName = "webops-site",
    };

    [Theory]
    [InlineData("deploy/Dockerfile.prod", true)]
    [InlineData("./Dockerfile", true)]
    [InlineData("../Dockerfile", false)]
    [InlineData("deploy/../../Dockerfile", false)]
    [InlineData("/etc/passwd", false)]
    public void Only_paths_inside_the_checkout_resolve(string relative, bool inside) =>
        Assert.Equal(inside, DockerfileLocator.Resolve("/srv/checkouts/site", relative) is not null);

    [Fact]
    public void The_users_path_wins_then_detection_then_the_default()
    {
        var detection = new DetectionResult { Type = ProjectType.Static, DockerfilePath = "docker/Dockerfile", Reason = "test" };

        Assert.Equal("ops/Dockerfile", DockerfileLocator.ConfiguredPath(Site with { DockerfilePath = "ops/Dockerfile", DockerfilePathExplicit = true }, detection));
        Assert.Equal("docker/Dockerfile", DockerfileLocator.ConfiguredPath(Site, detection));
        Assert.Equal("Dockerfile", DockerfileLocator.ConfiguredPath(Site, detection with { DockerfilePath = null }));
    }

    [Fact]
    public void Missing_message_names_the_path_the_repository_and_the_fix() =>
        Assert.Equal(
            "Dockerfile not found at 'deploy/Dockerfile.prod' in https://example.com/site.git@main; enable \"Auto-generate Dockerfile\" or add the file.",
            DockerfileLocator.MissingMessage(Site, "deploy/Dockerfile.prod"));
}
