using System.Text.Json;
using WebOps.Cli;

namespace WebOps.Tests.Unit.Detection;

public class DetectCommandTests
{
    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = DetectCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Json_output_is_one_snake_case_object()
    {
        using var repo = Fixtures.DjangoRepo();

        var (code, stdout, stderr) = Run(repo.Path, "--json");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(
            ["type", "app_dir", "wsgi_module", "dockerfile_path", "reason"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("django", root.GetProperty("type").GetString());
        Assert.Equal(".", root.GetProperty("app_dir").GetString());
        Assert.Equal("mysite.wsgi", root.GetProperty("wsgi_module").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("dockerfile_path").ValueKind);
        Assert.Equal(
            "manage.py at manage.py imports django; Django listed in requirements.txt",
            root.GetProperty("reason").GetString());
    }

    [Fact]
    public void Json_output_for_a_static_site_with_a_dockerfile()
    {
        using var repo = new TempRepo().Write("docker/Dockerfile.prod").Write("public/index.html");

        var (code, stdout, _) = Run("--json", repo.Path);

        Assert.Equal(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("static", root.GetProperty("type").GetString());
        Assert.Equal("public", root.GetProperty("app_dir").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("wsgi_module").ValueKind);
        Assert.Equal("docker/Dockerfile.prod", root.GetProperty("dockerfile_path").GetString());
    }

    [Fact]
    public void Type_option_is_passed_to_detection()
    {
        using var repo = new TempRepo().Write("README.md");

        var (code, stdout, _) = Run(repo.Path, "--type", "llm", "--json");

        Assert.Equal(0, code);
        Assert.Equal("llm", JsonDocument.Parse(stdout).RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public void Human_output_has_one_labelled_line_per_field()
    {
        using var repo = Fixtures.DjangoRepo();

        var (code, stdout, _) = Run(repo.Path);

        Assert.Equal(0, code);
        var lines = stdout.TrimEnd().Split(Environment.NewLine);
        Assert.Equal(
            [
                "type: django",
                "app dir: .",
                "wsgi module: mysite.wsgi",
                "dockerfile: -",
                "dependency files: requirements.txt",
                "collectstatic: yes",
                "build packages: no",
                "reason: manage.py at manage.py imports django; Django listed in requirements.txt",
            ],
            lines);
    }

    [Fact]
    public void Nothing_detected_prints_the_reason_on_stderr_and_exits_1()
    {
        using var repo = new TempRepo().Write("README.md");

        var (code, stdout, stderr) = Run(repo.Path, "--json");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith($"Could not detect a Django project or a static site in {repo.Path}.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_path_is_a_usage_error()
    {
        var (code, stdout, stderr) = Run("--json");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("PATH is missing", stderr, StringComparison.Ordinal);
        Assert.Contains(DetectCommand.Usage, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Nonexistent_path_is_a_usage_error_naming_it()
    {
        using var repo = new TempRepo();
        var missing = Path.Combine(repo.Root, "nope");

        var (code, _, stderr) = Run(missing);

        Assert.Equal(2, code);
        Assert.Contains($"'{missing}' is not a folder", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--type", "rails")]
    [InlineData("--type", "1")]
    [InlineData("--type")]
    [InlineData("--verbose")]
    public void Bad_options_are_usage_errors(params string[] options)
    {
        using var repo = Fixtures.DjangoRepo();

        var (code, stdout, _) = Run([repo.Path, .. options]);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
    }
}
