using WebOps.Addons.Docker.Llm;
using WebOps.Core.Deployments;
using WebOps.Core.Detection;
using WebOps.Core.Hooks;
using WebOps.Tests.Unit.Addons;

namespace WebOps.Tests.Unit.Llm;

/// <summary>Which LLM deployments run the vLLM image instead of building their repository.</summary>
public sealed class VllmDeployerChoiceTests : IDisposable
{
    private readonly string checkout = Directory.CreateTempSubdirectory("webops-llm-").FullName;

    [Fact]
    public void Llm_repo_without_a_dockerfile_runs_vllm()
    {
        Assert.True(VllmDeployer.Serves(Context(ProjectType.Llm, detectedDockerfile: null)));
    }

    [Fact]
    public void Llm_repo_with_its_own_dockerfile_is_built_from_it()
    {
        File.WriteAllText(Path.Combine(checkout, "Dockerfile"), "FROM vllm/vllm-openai:v0.6.6\n");

        Assert.False(VllmDeployer.Serves(Context(ProjectType.Llm, detectedDockerfile: "Dockerfile")));
    }

    [Fact]
    public void Other_project_types_are_never_served_by_vllm()
    {
        Assert.False(VllmDeployer.Serves(Context(ProjectType.Static, detectedDockerfile: null)));
    }

    public void Dispose() => Directory.Delete(checkout, recursive: true);

    private HookContext Context(ProjectType type, string? detectedDockerfile) => new()
    {
        Event = HookEvent.PreDeployment,
        Deployment = new DeploymentSnapshot
        {
            Id = 1,
            Name = "chat",
            RepoUrl = "https://example.com/chat.git",
            Branch = "main",
            ProjectType = type,
            Port = 8000,
            UseDocker = true,
            ImageName = "webops/chat:latest",
            ContainerName = "webops-chat",
        },
        CheckoutPath = checkout,
        Detection = new DetectionResult { Type = type, Reason = "test", DockerfilePath = detectedDockerfile },
        Log = new RecordingLog(),
    };
}
