using WebOps.Audit;
using WebOps.Core.Deployments;
using WebOps.Core.Validation;
using WebOps.Deploys;

namespace WebOps.Tests.Unit.Audit;

public sealed class ChangedFieldsTests
{
    private const string OldSecret = "old-s3cret-value";
    private const string NewSecret = "new-s3cret-value";

    [Fact]
    public void An_edit_names_the_changed_fields_in_form_order_and_the_variables_touched_but_no_value()
    {
        var d = Blog();
        var changes = ChangedFields.Track(d);

        DeploymentInputMapper.Apply(new DeploymentInput
        {
            Branch = "release",
            Port = 9000,
            EnvVars = new() { ["DB_PASSWORD"] = NewSecret, ["ADDED"] = "x", ["KEPT"] = "same" },
            Tls = "off",
        }, d);

        var text = changes.Describe();
        Assert.Equal("changed: branch, port, env_vars.ADDED, env_vars.DB_PASSWORD, env_vars.REMOVED, tls", text);
        Assert.DoesNotContain(OldSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(NewSecret, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compose_edit_names_the_file_and_the_public_service()
    {
        var d = Blog();
        var changes = ChangedFields.Track(d);

        DeploymentInputMapper.Apply(new DeploymentInput { DockerComposePath = "deploy/compose.yaml", ComposeService = "web" }, d);

        Assert.Equal("changed: docker_compose_path, compose_service", changes.Describe());
    }

    [Fact]
    public void A_masked_secret_sent_back_unchanged_is_not_a_change()
    {
        var d = Blog();
        var changes = ChangedFields.Track(d);

        DeploymentInputMapper.Apply(new DeploymentInput
        {
            EnvVars = new() { ["DB_PASSWORD"] = DeploymentInputMapper.Mask, ["KEPT"] = "same", ["REMOVED"] = DeploymentInputMapper.Mask },
            Branch = "main",
        }, d);

        Assert.Equal("no field changed", changes.Describe());
    }

    [Fact]
    public void Docker_maps_and_lists_are_named_by_field_and_key()
    {
        var d = Blog();
        d.DockerBuildArgs["TOKEN"] = OldSecret;
        var changes = ChangedFields.Track(d);

        DeploymentInputMapper.Apply(new DeploymentInput
        {
            DockerBuildArgs = new() { ["TOKEN"] = NewSecret },
            DockerEnvVars = new() { ["API_KEY"] = NewSecret },
            DockerVolumes = ["/srv/data:/data"],
            Domains = ["blog.example.com"],
            UseDocker = true,
        }, d);

        Assert.Equal(
            "changed: use_docker, docker_build_args.TOKEN, docker_env_vars.API_KEY, docker_volumes, domains",
            changes.Describe());
    }

    [Fact]
    public void Between_lists_removed_and_added_names_and_never_values()
    {
        var names = ChangedFields.Between(
            [new("branch", "main"), new("env_vars.A", "1"), new("env_vars.B", "2")],
            [new("branch", "main"), new("env_vars.B", "3"), new("env_vars.C", "4")]);

        Assert.Equal(["env_vars.A", "env_vars.B", "env_vars.C"], names);
    }

    private static Deployment Blog() => new()
    {
        Name = "blog",
        RepoUrl = "https://example.invalid/blog.git",
        Port = 8000,
        EnvVars = new() { ["DB_PASSWORD"] = OldSecret, ["KEPT"] = "same", ["REMOVED"] = "gone" },
    };
}
