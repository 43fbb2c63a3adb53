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
    public void Domains_pass_because_the_edge_routes_them_to_the_running_tasks()
    {
        var input = Docker();
        input.Domains = ["shop.example.com"];
        var stored = new Deployment { Name = "shop", RepoUrl = "https://example.com/shop.git", UseDocker = true, Domains = ["shop.example.com"] };

        Assert.Null(SwarmTargetCheck.Static(input, null, "10.0.0.1:5000"));
        Assert.Null(SwarmTargetCheck.Static(Docker(), stored, "10.0.0.1:5000"));
    }

    [Fact]
    public void A_host_folder_is_refused_on_docker_volumes_unless_a_placement_pins_one_node()
    {
        var input = Docker();
        input.DockerVolumes = ["app-data:/data", "/srv/app/uploads:/uploads"];

        var error = SwarmTargetCheck.Static(input, null, "10.0.0.1:5000");

        Assert.Equal("docker_volumes", error!.Field);
        Assert.Equal(
            "has the host folder /srv/app/uploads, which exists only on the server it is on, while the tasks of a swarm deployment may run on any node; use a named volume (e.g. app-data:/uploads), or pin the deployment to one node with a placement such as node.hostname==NAME",
            error.Message);

        input.Placement = ["node.labels.region==eu"];
        Assert.Equal("docker_volumes", SwarmTargetCheck.Static(input, null, "10.0.0.1:5000")!.Field);
        input.Placement = ["node.labels.region==eu", "node.hostname == web-1"];
        Assert.Null(SwarmTargetCheck.Static(input, null, "10.0.0.1:5000"));
    }

    [Fact]
    public void Named_volumes_need_no_placement()
    {
        var input = Docker();
        input.DockerVolumes = ["app-data:/data"];

        Assert.Null(SwarmTargetCheck.Static(input, null, "10.0.0.1:5000"));
    }

    [Theory]
    [InlineData("node.hostname==web-1", true)]
    [InlineData("node.id == 2ab3", true)]
    [InlineData("node.hostname!=web-1", false)]
    [InlineData("node.labels.host==web-1", false)]
    [InlineData("node.hostname==", false)]
    public void Only_a_constraint_naming_one_node_pins_it(string constraint, bool pins)
    {
        Assert.Equal(pins, SwarmTargetCheck.PinsOneNode(constraint));
    }
}
