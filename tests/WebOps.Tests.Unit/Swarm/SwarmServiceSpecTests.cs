using WebOps.Addons.Docker.Swarm.Services;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Resources;

namespace WebOps.Tests.Unit.Swarm;

public class SwarmServiceSpecTests
{
    private const string Image = "10.0.0.1:5000/webops/blog:deploy-7@sha256:abc";

    /// <summary>A swarm deployment with every field the service spec reads set.</summary>
    internal static DeploymentSnapshot Blog() => new()
    {
        Id = 1,
        Name = "blog",
        RepoUrl = "https://example.com/blog.git",
        Branch = "main",
        ProjectType = ProjectType.Static,
        Port = 8080,
        ImageName = "webops/blog:latest",
        ContainerName = "webops-blog",
        UseDocker = true,
        Target = DeployTarget.Swarm,
        Replicas = 3,
        Placement = ["node.labels.region == eu", "node.hostname!=web-2"],
        EnvVars = new Dictionary<string, string> { ["B"] = "2", ["A"] = "1" },
        Resources = new ResourceSettings { MemoryLimit = "256m", CpuLimit = 0.5m },
        DeployRunId = 7,
    };

    [Fact]
    public void The_service_is_named_and_labelled_for_the_deployment_and_runs_the_image_by_digest()
    {
        var spec = SwarmServiceSpec.For(Blog(), Image);

        Assert.Equal("webops-blog", spec.Name);
        Assert.Equal(new Dictionary<string, string> { ["webops.managed"] = "true", ["webops.deployment"] = "blog" }, spec.Labels);
        Assert.Equal(Image, spec.TaskTemplate!.ContainerSpec!.Image);
        Assert.Equal(["A=1", "B=2"], spec.TaskTemplate.ContainerSpec.Env);
        Assert.Equal(3UL, spec.Mode!.Replicated!.Replicas);
    }

    [Fact]
    public void One_port_is_published_in_host_mode_with_no_fixed_port_behind_dnsrr()
    {
        var spec = SwarmServiceSpec.For(Blog(), Image);

        Assert.Equal("dnsrr", spec.EndpointSpec!.Mode);
        var port = Assert.Single(spec.EndpointSpec.Ports!);
        Assert.Equal(("tcp", 8080U, "host", (uint?)null), (port.Protocol, port.TargetPort!.Value, port.PublishMode, port.PublishedPort));
    }

    [Fact]
    public void Updates_start_first_and_roll_back_on_failure()
    {
        var spec = SwarmServiceSpec.For(Blog(), Image);

        Assert.Equal(("start-first", "rollback", 1UL), (spec.UpdateConfig!.Order, spec.UpdateConfig.FailureAction, spec.UpdateConfig.Parallelism));
        Assert.Equal(SwarmServiceSpec.Monitor, spec.UpdateConfig.Monitor);
        Assert.Equal(("start-first", "pause"), (spec.RollbackConfig!.Order, spec.RollbackConfig.FailureAction));
    }

    [Fact]
    public void Placement_keeps_the_constraints_without_spaces_and_spreads_over_nodes()
    {
        var placement = SwarmServiceSpec.For(Blog(), Image).TaskTemplate!.Placement!;

        Assert.Equal(["node.labels.region==eu", "node.hostname!=web-2"], placement.Constraints);
        Assert.Equal("node.id", Assert.Single(placement.Preferences!).Spread!.SpreadDescriptor);
    }

    [Fact]
    public void Limits_come_from_the_deployments_resources()
    {
        var limits = SwarmServiceSpec.For(Blog(), Image).TaskTemplate!.Resources!.Limits!;

        Assert.Equal((256L * 1024 * 1024, 500_000_000L), (limits.MemoryBytes, limits.NanoCPUs));
    }

    [Fact]
    public void Named_volumes_and_host_folders_are_mounted_as_the_deployment_lists_them()
    {
        var spec = SwarmServiceSpec.For(Blog() with { DockerVolumes = ["blog-data:/data", "/srv/blog/uploads/:/uploads:ro"] }, Image);

        var mounts = spec.TaskTemplate!.ContainerSpec!.Mounts!.Select(m => $"{m.Type} {m.Source} -> {m.Target} ro={m.ReadOnly}");
        Assert.Equal(["volume blog-data -> /data ro=False", "bind /srv/blog/uploads -> /uploads ro=True"], mounts);
    }
}
