using Docker.DotNet.Models;
using WebOps.Addons.Docker.Spec;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using ContainerSpec = WebOps.Addons.Docker.Spec.ContainerSpec;

namespace WebOps.Tests.Unit.Docker;

public sealed class ContainerSpecTests
{
    /// <summary>A deployment using every Docker field.</summary>
    private static readonly DeploymentSnapshot Blog = new()
    {
        Id = 7,
        Name = "blog",
        RepoUrl = "https://example.com/blog.git",
        Branch = "main",
        ProjectType = ProjectType.Django,
        Port = 8000,
        HostPort = 49160,
        EnvVars = new Dictionary<string, string> { ["SECRET_KEY"] = "s3cret", ["DEBUG"] = "0", ["MODE"] = "env" },
        UseDocker = true,
        DockerfilePath = "deploy/Dockerfile.prod",
        ImageName = "webops/blog:latest",
        ContainerName = "webops-blog",
        DockerBuildArgs = new Dictionary<string, string> { ["PIP_INDEX"] = "local" },
        DockerEnvVars = new Dictionary<string, string> { ["MODE"] = "docker", ["WORKERS"] = "3" },
        DockerVolumes = ["/srv/blog/media:/app/media", "blog-cache:/cache:ro"],
        DockerPorts = ["9000:9000", "0.0.0.0:5353:53/udp"],
        DockerNetworkMode = NetworkMode.Bridge,
        DeployRunId = 12,
    };

    [Fact]
    public void Docker_run_arguments_list_every_field_in_a_fixed_order()
    {
        var spec = ContainerSpec.For(Blog, "webops/blog:deploy-12", 49160, "127.0.0.1", 12);

        Assert.Equal(
            [
                "--name", "webops-blog",
                "--label", "webops.deployment=blog",
                "--label", "webops.deploy_id=12",
                "--label", "webops.managed=true",
                "-e", "DEBUG=0",
                "-e", "MODE=docker",
                "-e", "SECRET_KEY=s3cret",
                "-e", "WORKERS=3",
                "-v", "/srv/blog/media:/app/media:rw",
                "-v", "blog-cache:/cache:ro",
                "-p", "127.0.0.1:49160:8000/tcp",
                "-p", "127.0.0.1:9000:9000/tcp",
                "-p", "0.0.0.0:5353:53/udp",
                "--network", "bridge",
                "--restart", "unless-stopped",
                "--init",
                "--log-driver", "json-file", "--log-opt", "max-size=10m", "--log-opt", "max-file=3",
                "webops/blog:deploy-12",
            ],
            spec.ToDockerRunArgs());
    }

    [Fact]
    public void Systemd_arguments_leave_restarts_to_the_unit_and_remove_the_container_on_exit()
    {
        var args = ContainerSpec.For(Blog, "webops/blog:deploy-12", 49160, "127.0.0.1", 12).ToDockerRunArgs(forSystemd: true);

        Assert.DoesNotContain("--restart", args);
        Assert.Equal(
            ["--network", "bridge", "--rm", "--init", "--log-driver", "json-file", "--log-opt", "max-size=10m", "--log-opt", "max-file=3", "webops/blog:deploy-12"],
            args.TakeLast(11));
    }

    [Fact]
    public void Create_parameters_carry_the_same_spec_for_the_engine()
    {
        var parameters = ContainerSpec.For(Blog, "webops/blog:deploy-12", 49160, "127.0.0.1", 12).ToCreateParameters();
        var host = parameters.HostConfig!;

        Assert.Equal("webops-blog", parameters.Name);
        Assert.Equal("webops/blog:deploy-12", parameters.Image);
        Assert.Equal(["DEBUG=0", "MODE=docker", "SECRET_KEY=s3cret", "WORKERS=3"], parameters.Env);
        Assert.Equal(
            ["webops.deployment=blog", "webops.deploy_id=12", "webops.managed=true"],
            parameters.Labels!.Select(l => $"{l.Key}={l.Value}"));
        Assert.Equal(["8000/tcp", "9000/tcp", "53/udp"], parameters.ExposedPorts!.Keys);
        Assert.Equal(["/srv/blog/media:/app/media:rw", "blog-cache:/cache:ro"], host.Binds);
        Assert.Equal(
            ["8000/tcp -> 127.0.0.1:49160", "9000/tcp -> 127.0.0.1:9000", "53/udp -> 0.0.0.0:5353"],
            host.PortBindings!.SelectMany(p => p.Value.Select(b => $"{p.Key} -> {b.HostIP}:{b.HostPort}")));
        Assert.Equal("bridge", host.NetworkMode);
        Assert.Equal(RestartPolicyKind.UnlessStopped, host.RestartPolicy!.Name);
        Assert.True(host.Init);
    }

    [Fact]
    public void The_specs_restart_policy_is_the_one_both_projections_carry()
    {
        var spec = ContainerSpec.For(Blog, "webops/blog:deploy-12", 49160, "127.0.0.1", 12) with { RestartPolicy = "on-failure:5" };

        var policy = spec.ToCreateParameters().HostConfig!.RestartPolicy!;

        Assert.Equal("OnFailure:5", $"{policy.Name}:{policy.MaximumRetryCount}");
        Assert.Equal(["--network", "bridge", "--restart", "on-failure:5", "--init"], spec.ToDockerRunArgs().SkipLast(7).TakeLast(5));
    }

    [Fact]
    public void Host_network_publishes_no_ports_and_says_why()
    {
        var spec = ContainerSpec.For(Blog with { DockerNetworkMode = NetworkMode.Host }, "img:1", 49160, "127.0.0.1", 12);

        Assert.Empty(spec.Ports);
        Assert.Empty(spec.ToCreateParameters().HostConfig!.PortBindings!);
        Assert.DoesNotContain("-p", spec.ToDockerRunArgs());
        Assert.Equal(["--network", "host"], spec.ToDockerRunArgs().SkipWhile(a => a != "--network").Take(2));
        Assert.Equal(["Network mode host: no ports are published; the app listens on the host's network directly (port 8000)."], spec.Notes);
    }

    [Fact]
    public void No_network_publishes_no_ports()
    {
        var spec = ContainerSpec.For(Blog with { DockerNetworkMode = NetworkMode.None }, "img:1", 49160, "127.0.0.1", null);

        Assert.Empty(spec.Ports);
        Assert.Equal(["Network mode none: no ports are published; the container has no network."], spec.Notes);
        Assert.Equal(["--label", "webops.deployment=blog", "--label", "webops.managed=true"], spec.ToDockerRunArgs().Skip(2).Take(4));
    }

    [Fact]
    public void Docker_env_vars_override_env_vars_with_the_same_name()
    {
        var deployment = Blog with
        {
            EnvVars = new Dictionary<string, string> { ["B"] = "from-env", ["A"] = "only-env" },
            DockerEnvVars = new Dictionary<string, string> { ["B"] = "from-docker" },
        };

        Assert.Equal(["A=only-env", "B=from-docker"], ContainerSpec.For(deployment, "img:1", 1, "127.0.0.1", 1).Env);
    }

    [Fact]
    public void Ports_left_to_the_engine_and_ipv6_addresses_are_written_as_docker_reads_them()
    {
        var deployment = Blog with { DockerPorts = ["[::1]:8443:443"] };

        var spec = ContainerSpec.For(deployment, "img:1", null, "127.0.0.1", 1);

        Assert.Equal(["127.0.0.1::8000/tcp", "[::1]:8443:443/tcp"], spec.Ports.Select(p => p.ToRunArgument()));
        Assert.Equal("", spec.ToCreateParameters().HostConfig!.PortBindings!["8000/tcp"][0].HostPort);
    }
}
