using WebOps.Core.Deployments;
using WebOps.Core.Validation;
using WebOps.Swarm;

namespace WebOps.Tests.Unit.Swarm;

public class SwarmTargetCheckTests
{
    private static DeploymentInput Docker() => new() { Target = "swarm", UseDocker = true };

    [Fact]
    public void An_empty_registry_is_refused_with_the_setting_to_change()
    {
        var error = SwarmTargetCheck.Static(Docker(), null, "");

        Assert.Equal("target", error!.Field);
        Assert.Contains("set Registry:Address to a registry every node can pull from, e.g. 10.0.0.1:5000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_docker_image_deployment_with_a_registry_passes()
    {
        Assert.Null(SwarmTargetCheck.Static(Docker(), null, "10.0.0.1:5000"));
    }

    [Fact]
    public void A_process_deployment_is_refused()
    {
        var error = SwarmTargetCheck.Static(new DeploymentInput { Target = "swarm" }, null, "10.0.0.1:5000");

        Assert.Contains("turn on use_docker", error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compose", null, "a Compose deployment runs on this server only")]
    [InlineData("llm", null, "a LLM deployment runs on this server only")]
    [InlineData(null, "compose.yaml", "a Compose deployment runs on this server only")]
    public void Compose_and_llm_deployments_are_refused(string? type, string? composePath, string fragment)
    {
        var input = Docker();
        input.ProjectType = type;
        input.DockerComposePath = composePath;

        Assert.Contains(fragment, SwarmTargetCheck.Static(input, null, "10.0.0.1:5000")!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stored_values_count_where_the_input_leaves_a_field_out()
    {
        var stored = new Deployment { Name = "blog", RepoUrl = "https://example.com/blog.git", UseDocker = false };

        Assert.NotNull(SwarmTargetCheck.Static(new DeploymentInput { Target = "swarm" }, stored, "10.0.0.1:5000"));
        stored.UseDocker = true;
        Assert.Null(SwarmTargetCheck.Static(new DeploymentInput { Target = "swarm" }, stored, "10.0.0.1:5000"));
    }

    [Fact]
    public void Domains_are_refused_on_the_domains_field_because_the_edge_cannot_reach_the_tasks()
    {
        var input = Docker();
        input.Domains = ["shop.example.com"];

        var error = SwarmTargetCheck.Static(input, null, "10.0.0.1:5000");

        Assert.Equal("domains", error!.Field);
        Assert.Equal("swarm deployments cannot be routed through the edge yet: remove the domains, or use target local", error.Message);
    }

    [Fact]
    public void Stored_domains_count_when_the_input_leaves_them_out_and_an_empty_list_clears_them()
    {
        var stored = new Deployment { Name = "shop", RepoUrl = "https://example.com/shop.git", UseDocker = true, Domains = ["shop.example.com"] };

        Assert.Equal("domains", SwarmTargetCheck.Static(Docker(), stored, "10.0.0.1:5000")!.Field);
        var cleared = Docker();
        cleared.Domains = [];
        Assert.Null(SwarmTargetCheck.Static(cleared, stored, "10.0.0.1:5000"));
    }
}
