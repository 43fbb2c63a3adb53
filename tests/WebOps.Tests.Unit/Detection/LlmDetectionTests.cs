using WebOps.Core.Deployments;
using WebOps.Core.Detection;

namespace WebOps.Tests.Unit.Detection;

public class LlmDetectionTests
{
    [Theory]
    [InlineData("vllm.yaml")]
    [InlineData("vllm.yml")]
    [InlineData("vllm.json")]
    public void Vllm_config_file_is_an_llm_setup(string file)
    {
        using var repo = new TempRepo().Write(file, "model: Qwen/Qwen2.5-0.5B\n");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal(ProjectType.Llm, result.Type);
        Assert.Equal($"{file} found at the root", result.Reason);
    }

    [Fact]
    public void Vllm_in_the_root_requirements_is_an_llm_setup()
    {
        using var repo = new TempRepo().Write("requirements.txt", "vllm==0.6.3\n");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal(ProjectType.Llm, result.Type);
        Assert.Equal(["requirements.txt"], result.DependencyFiles);
        Assert.Equal("vllm listed in requirements.txt", result.Reason);
    }

    [Fact]
    public void Vllm_in_pyproject_is_an_llm_setup()
    {
        using var repo = new TempRepo().Write("pyproject.toml", "[project]\nname = \"serve\"\ndependencies = [\"vllm>=0.6\"]\n");

        Assert.Equal(ProjectType.Llm, ProjectDetector.Detect(repo.Path).Type);
    }

    [Fact]
    public void Dockerfile_on_the_vllm_image_is_built_and_typed_llm()
    {
        using var repo = new TempRepo().Write("Dockerfile", "FROM --platform=linux/amd64 vllm/vllm-openai:v0.6.3 AS serve\n");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal(ProjectType.Llm, result.Type);
        Assert.Equal("Dockerfile", result.DockerfilePath);
        Assert.Equal("Dockerfile found at Dockerfile; Dockerfile builds on vllm/vllm-openai", result.Reason);
    }

    [Fact]
    public void Static_site_wins_over_a_vllm_config()
    {
        using var repo = new TempRepo().Write("vllm.yaml").Write("index.html");

        Assert.Equal(ProjectType.Static, ProjectDetector.Detect(repo.Path).Type);
    }
}
