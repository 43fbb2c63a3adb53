using WebOps.Core.Deployments;
using WebOps.Core.Hooks;

namespace WebOps.Tests.Unit.Deployments;

public sealed class SnapshotFactoryTests
{
    [Fact]
    public void Outside_a_deploy_the_port_is_the_one_the_last_deploy_decided()
    {
        var site = new Deployment { Name = "site", RepoUrl = "https://example.com/site.git", ProjectType = ProjectType.Auto, AppPort = 80 };

        Assert.Equal(80, SnapshotFactory.From(site).Port);
    }

    [Fact]
    public void Before_any_deploy_the_port_is_the_users_else_the_types_default()
    {
        var site = new Deployment { Name = "site", RepoUrl = "https://example.com/site.git", ProjectType = ProjectType.Static };

        Assert.Equal(80, SnapshotFactory.From(site).Port);
        site.Port = 3000;
        Assert.Equal(3000, SnapshotFactory.From(site).Port);
    }

    [Fact]
    public void A_deploy_passes_its_plans_port()
    {
        var site = new Deployment { Name = "site", RepoUrl = "https://example.com/site.git", AppPort = 80 };

        Assert.Equal(8080, SnapshotFactory.From(site, ProjectType.Auto, runId: 3, port: 8080).Port);
    }
}
