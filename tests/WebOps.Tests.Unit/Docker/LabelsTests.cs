using WebOps.Addons.Docker.Build;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Llm;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Llm;
using ContainerSpec = WebOps.Addons.Docker.Spec.ContainerSpec;

namespace WebOps.Tests.Unit.Docker;

/// <summary>Cleanup, image pruning and the health monitor find WebOps' images and containers by these exact labels.</summary>
public sealed class LabelsTests
{
    private static readonly DeploymentSnapshot Blog = new()
    {
        Id = 7,
        Name = "blog",
        RepoUrl = "https://example.com/blog.git",
        Branch = "main",
        ProjectType = ProjectType.Static,
        Port = 8000,
        UseDocker = true,
        ImageName = "webops/blog:latest",
        ContainerName = "webops-blog",
    };

    [Fact]
    public void A_run_is_labelled_with_deployment_deploy_id_and_managed_in_that_order()
    {
        Assert.Equal(["webops.deployment=blog", "webops.deploy_id=12", "webops.managed=true"], Text(Labels.ForRun("blog", 12)));
        Assert.Equal(["webops.deployment=blog", "webops.managed=true"], Text(Labels.ForRun("blog", null)));
    }

    [Fact]
    public void Filters_match_one_deployment_or_everything_webops_made()
    {
        Assert.Equal(["webops.deployment=blog", "webops.managed=true"], Text(Labels.ForDeployment("blog")));
        Assert.Equal(["webops.managed=true"], Text(Labels.AllManaged));
    }

    [Fact]
    public void Image_app_container_and_vllm_container_of_a_run_carry_the_same_labels()
    {
        string[] expected = ["webops.deployment=blog", "webops.deploy_id=12", "webops.managed=true"];

        var image = ImageBuilder.Parameters(Blog, "Dockerfile", "webops/blog:deploy-12", 12).Labels;
        var app = ContainerSpec.For(Blog, "webops/blog:deploy-12", 49160, "127.0.0.1", 12).ToCreateParameters().Labels;
        var vllm = VllmSpec.For(Blog, new LlmSettings { Model = "gpt2" }, "vllm/vllm-openai:v0.6.6", 49160, "127.0.0.1", 12).ToCreateParameters().Labels;

        Assert.Equal(expected, Text(image!));
        Assert.Equal(expected, Text(app));
        Assert.Equal(expected, Text(vllm));
    }

    private static List<string> Text(IEnumerable<KeyValuePair<string, string>> labels) => [.. labels.Select(l => $"{l.Key}={l.Value}")];
}
