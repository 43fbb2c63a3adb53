using WebOps.Core.Deployments;
using WebOps.Core.Detection;

namespace WebOps.Tests.Unit.Detection;

public class DockerfileDetectionTests
{
    [Fact]
    public void Root_dockerfile_comes_first_and_the_code_type_is_still_reported()
    {
        using var repo = Fixtures.DjangoRepo().Write("Dockerfile", "FROM python:3.12-slim\n");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal("Dockerfile", result.DockerfilePath);
        Assert.True(result.HasDockerfile);
        Assert.Equal(ProjectType.Django, result.Type);
        Assert.Equal("mysite.wsgi", result.WsgiModule);
        Assert.StartsWith("Dockerfile found at Dockerfile; manage.py at manage.py", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_only_repo_keeps_type_auto()
    {
        using var repo = new TempRepo().Write("Dockerfile", "FROM busybox\n").Write("main.go");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal(ProjectType.Auto, result.Type);
        Assert.Equal("Dockerfile", result.DockerfilePath);
        Assert.Equal("Dockerfile found at Dockerfile", result.Reason);
    }

    [Fact]
    public void Dockerfile_repo_with_a_static_site_reports_static()
    {
        using var repo = new TempRepo().Write("Dockerfile", "FROM nginx\n").Write("public/index.html");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal(ProjectType.Static, result.Type);
        Assert.Equal("public", result.AppDir);
    }

    [Fact]
    public void Dockerfile_only_repo_with_a_requested_type_keeps_that_type()
    {
        using var repo = new TempRepo().Write("Dockerfile", "FROM python\n");

        var result = ProjectDetector.Detect(repo.Path, ProjectType.Django);

        Assert.Equal(ProjectType.Django, result.Type);
        Assert.Equal("Dockerfile", result.DockerfilePath);
    }

    [Fact]
    public void Production_dockerfile_in_a_subfolder_beats_development_ones()
    {
        using var repo = new TempRepo()
            .Write("docker/dev.Dockerfile")
            .Write("docker/Dockerfile.prod")
            .Write("deploy/Dockerfile.local")
            .Write(".devcontainer/Dockerfile");

        Assert.Equal("docker/Dockerfile.prod", ProjectDetector.Detect(repo.Path).DockerfilePath);
    }

    [Fact]
    public void Docker_folder_dockerfile_is_found()
    {
        using var repo = new TempRepo().Write("docker/Dockerfile").Write("frontend/Dockerfile");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal("docker/Dockerfile", result.DockerfilePath);
        Assert.Equal("Dockerfile found at docker/Dockerfile", result.Reason);
    }

    [Fact]
    public void Named_production_dockerfile_in_the_docker_folder_is_found()
    {
        using var repo = new TempRepo().Write("docker/production.Dockerfile").Write("docker/local.Dockerfile");

        Assert.Equal("docker/production.Dockerfile", ProjectDetector.Detect(repo.Path).DockerfilePath);
    }

    [Fact]
    public void Devcontainer_dockerfile_is_never_used()
    {
        using var repo = new TempRepo().Write(".devcontainer/Dockerfile", "FROM mcr.microsoft.com/devcontainers/base\n");

        Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(repo.Path));
    }

    [Fact]
    public void Only_development_dockerfiles_are_not_used()
    {
        using var repo = new TempRepo().Write("dev/Dockerfile").Write("docker/test.Dockerfile").Write("public/index.html");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Null(result.DockerfilePath);
        Assert.Equal(ProjectType.Static, result.Type);
    }

    [Fact]
    public void Two_equally_good_dockerfiles_pick_none_and_say_so_when_nothing_else_is_found()
    {
        using var repo = new TempRepo().Write("api/Dockerfile").Write("web/Dockerfile");

        var ex = Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(repo.Path, label: "blog@main"));

        Assert.Equal(
            "Could not detect a Django project or a static site in blog@main. Add a Dockerfile, or set project_type. "
            + "Several Dockerfiles could be the production one (api/Dockerfile, web/Dockerfile): set dockerfile_path to choose.",
            ex.Message);
    }

    [Fact]
    public void Two_equally_good_dockerfiles_leave_other_detection_alone()
    {
        using var repo = Fixtures.DjangoRepo().Write("api/Dockerfile").Write("web/Dockerfile");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Null(result.DockerfilePath);
        Assert.Equal(ProjectType.Django, result.Type);
        Assert.DoesNotContain("Dockerfile", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_dockerfile_path_is_used_even_over_a_root_dockerfile()
    {
        using var repo = new TempRepo().Write("Dockerfile").Write("build/web.dockerfile");

        var result = ProjectDetector.Detect(repo.Path, dockerfilePath: "./build/web.dockerfile");

        Assert.Equal("build/web.dockerfile", result.DockerfilePath);
        Assert.Equal("Dockerfile found at build/web.dockerfile", result.Reason);
    }

    [Fact]
    public void Missing_explicit_dockerfile_path_continues_detection_without_a_dockerfile()
    {
        using var repo = Fixtures.DjangoRepo().Write("Dockerfile");

        var result = ProjectDetector.Detect(repo.Path, dockerfilePath: "docker/Dockerfile.prod");

        Assert.Null(result.DockerfilePath);
        Assert.Equal(ProjectType.Django, result.Type);
    }

    [Fact]
    public void Explicit_dockerfile_path_outside_the_checkout_is_treated_as_missing()
    {
        using var repo = new TempRepo().Write("public/index.html");
        File.WriteAllText(Path.Combine(repo.Root, "Dockerfile"), "FROM evil\n");

        var result = ProjectDetector.Detect(repo.Path, dockerfilePath: "../Dockerfile");

        Assert.Null(result.DockerfilePath);
        Assert.Equal(ProjectType.Static, result.Type);
    }
}
