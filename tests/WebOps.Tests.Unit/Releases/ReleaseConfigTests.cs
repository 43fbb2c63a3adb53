using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Releases;

namespace WebOps.Tests.Unit.Releases;

/// <summary>A release's configuration: taken from the deployment after a deploy, stored back and shown to hooks by a rollback.</summary>
public sealed class ReleaseConfigTests
{
    [Fact]
    public void A_snapshot_holds_variables_ports_volumes_network_domains_and_port_and_restores_them_exactly()
    {
        var then = Deployment();
        var snapshot = ReleaseConfig.Of(then, ProjectType.Static, appPort: 8080);

        var now = Deployment();
        now.EnvVars = new() { ["GREETING"] = "v2", ["NEW"] = "x" };
        now.DockerEnvVars = [];
        now.DockerBuildArgs = new() { ["MODE"] = "debug" };
        now.DockerPorts = ["9000:9000"];
        now.DockerVolumes = [];
        now.DockerNetworkMode = NetworkMode.Host;
        now.Domains = ["new.example.com"];
        now.Tls = TlsMode.Off;
        now.Port = 9000;
        now.AppPort = 9000;
        snapshot.ApplyTo(now);

        Assert.Equal(new Dictionary<string, string> { ["GREETING"] = "v1" }, now.EnvVars);
        Assert.Equal(new Dictionary<string, string> { ["TOKEN"] = "s3cret" }, now.DockerEnvVars);
        Assert.Equal(new Dictionary<string, string> { ["MODE"] = "prod" }, now.DockerBuildArgs);
        Assert.Equal(["8081:8081"], now.DockerPorts);
        Assert.Equal(["/srv/data:/data"], now.DockerVolumes);
        Assert.Equal(NetworkMode.Bridge, now.DockerNetworkMode);
        Assert.Equal(["blog.example.com"], now.Domains);
        Assert.Equal(TlsMode.Auto, now.Tls);
        Assert.Equal(0, now.Port);
        Assert.Equal(8080, now.AppPort);
        // Not configuration: where the code comes from and how it is built stay as they are now.
        Assert.Equal("https://example.com/blog.git", now.RepoUrl);
    }

    [Fact]
    public void A_snapshot_is_a_copy_later_edits_do_not_reach()
    {
        var d = Deployment();
        var snapshot = ReleaseConfig.Of(d, ProjectType.Static, 8080);

        d.EnvVars["GREETING"] = "changed";
        d.Domains.Add("other.example.com");

        Assert.Equal("v1", snapshot.EnvVars["GREETING"]);
        Assert.Equal(["blog.example.com"], snapshot.Domains);
    }

    [Fact]
    public void Hooks_of_a_rollback_see_the_release_configuration_and_the_port_it_listened_on()
    {
        var snapshot = ReleaseConfig.Of(Deployment(), ProjectType.Static, 8080);
        var current = SnapshotFactory.From(new Deployment { Name = "blog", RepoUrl = "https://example.com/blog.git", UseDocker = true, EnvVars = new() { ["GREETING"] = "v2" } });

        var seen = snapshot.ApplyTo(current);

        Assert.Equal("v1", seen.EnvVars["GREETING"]);
        Assert.Equal("s3cret", seen.DockerEnvVars["TOKEN"]);
        Assert.Equal(["/srv/data:/data"], seen.DockerVolumes);
        Assert.Equal(["blog.example.com"], seen.Domains);
        Assert.Equal(8080, seen.Port);
        Assert.Equal(ProjectType.Static, seen.ProjectType);
    }

    private static Deployment Deployment() => new()
    {
        Name = "blog",
        RepoUrl = "https://example.com/blog.git",
        UseDocker = true,
        EnvVars = new() { ["GREETING"] = "v1" },
        DockerEnvVars = new() { ["TOKEN"] = "s3cret" },
        DockerBuildArgs = new() { ["MODE"] = "prod" },
        DockerPorts = ["8081:8081"],
        DockerVolumes = ["/srv/data:/data"],
        DockerNetworkMode = NetworkMode.Bridge,
        Domains = ["blog.example.com"],
        Tls = TlsMode.Auto,
        Port = 0,
    };
}
