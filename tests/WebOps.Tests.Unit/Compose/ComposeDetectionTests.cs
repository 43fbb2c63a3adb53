using WebOps.Cli;
using WebOps.Core.Deployments;
using WebOps.Core.Detection;
using WebOps.Tests.Unit.Detection;

namespace WebOps.Tests.Unit.Compose;

public class ComposeDetectionTests
{
    private const string TwoServices = "services:\n  web:\n    build: .\n    expose: [\"80\"]\n  api:\n    image: x\n    expose: [\"8000\"]\n";

    [Fact]
    public void A_compose_file_alone_is_detected_with_its_services_and_public_one()
    {
        using var repo = new TempRepo().Write("docker-compose.yml", TwoServices);

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal(ProjectType.Compose, result.Type);
        Assert.Equal("docker-compose.yml", result.ComposeFilePath);
        Assert.Equal("web", result.PublicService);
        Assert.Equal("compose file docker-compose.yml found; services: web, api; public: web", result.Reason);
    }

    [Fact]
    public void A_dockerfile_wins_over_a_compose_file_unless_docker_compose_path_is_set()
    {
        using var repo = new TempRepo().Write("compose.yaml", TwoServices).Write("Dockerfile", "FROM scratch\n");

        Assert.NotEqual(ProjectType.Compose, ProjectDetector.Detect(repo.Path).Type);
        var chosen = ProjectDetector.Detect(repo.Path, composePath: "compose.yaml", composeService: "api");
        Assert.Equal(ProjectType.Compose, chosen.Type);
        Assert.Equal("api", chosen.PublicService);
    }

    [Fact]
    public void A_root_compose_file_wins_over_a_service_dockerfile_in_a_subfolder()
    {
        using var repo = new TempRepo().Write("compose.yaml", TwoServices).Write("web/Dockerfile", "FROM scratch\n");

        Assert.Equal(ProjectType.Compose, ProjectDetector.Detect(repo.Path).Type);
    }

    [Fact]
    public void A_compose_path_outside_the_checkout_is_refused()
    {
        using var repo = new TempRepo().Write("compose.yaml", TwoServices);

        var ex = Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(repo.Path, composePath: "../compose.yaml", label: "blog@main"));

        Assert.Equal(
            "docker_compose_path '../compose.yaml' was not found inside blog@main (missing, outside the repository, or larger than 256 KiB); give a path inside it, such as compose.yaml.",
            ex.Message);
    }

    [Fact]
    public void Detect_command_reports_compose_services_and_the_public_one()
    {
        using var repo = new TempRepo().Write("compose.yml", TwoServices);
        var stdout = new StringWriter();

        var code = DetectCommand.Run([repo.Path, "--json"], stdout, new StringWriter());

        Assert.Equal(0, code);
        Assert.Contains("\"type\": \"compose\"", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"compose_file\": \"compose.yml\"", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"public_service\": \"web\"", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"services\": [\n    \"web\",\n    \"api\"\n  ]", stdout.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
