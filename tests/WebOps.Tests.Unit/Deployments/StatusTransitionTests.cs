using WebOps.Core.Deployments;

namespace WebOps.Tests.Unit.Deployments;

public class StatusTransitionTests
{
    [Fact]
    public void Impossible_transition_throws_naming_both_states()
    {
        var d = new Deployment { Name = "blog", RepoUrl = "https://example.com/blog.git" };
        d.MoveTo(DeploymentStatus.Building);
        d.MoveTo(DeploymentStatus.Running);
        d.MoveTo(DeploymentStatus.Stopped);

        var ex = Assert.Throws<InvalidStatusTransitionException>(() => d.MoveTo(DeploymentStatus.Pending));

        Assert.Equal("Cannot change deployment 'blog' from Stopped to Pending.", ex.Message);
        Assert.Equal(DeploymentStatus.Stopped, d.Status);
    }

    [Fact]
    public void Deploy_cycle_moves_through_building_to_running()
    {
        var d = new Deployment { Name = "blog", RepoUrl = "https://example.com/blog.git" };
        d.MoveTo(DeploymentStatus.Building);
        d.MoveTo(DeploymentStatus.Running);
        Assert.Equal(DeploymentStatus.Running, d.Status);
    }
}
