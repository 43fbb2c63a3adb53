using WebOps.Core.Health;

namespace WebOps.Tests.Unit.Health;

public class ContainerEventRulesTests
{
    private static readonly Dictionary<string, string> NoAttributes = [];

    [Fact]
    public void Die_marks_unhealthy_with_the_exit_code()
    {
        var r = ContainerEventRules.React("die", "webops-blog", new Dictionary<string, string> { ["exitCode"] = "137" });

        Assert.Equal(ContainerEventAction.MarkUnhealthy, r.Action);
        Assert.Equal("container webops-blog stopped (exit code 137); see its logs, then start or redeploy it", r.Cause);
    }

    [Fact]
    public void Oom_and_docker_unhealthy_mark_unhealthy()
    {
        Assert.Equal(ContainerEventAction.MarkUnhealthy, ContainerEventRules.React("oom", "c", NoAttributes).Action);
        Assert.Equal(ContainerEventAction.MarkUnhealthy, ContainerEventRules.React("health_status: unhealthy", "c", NoAttributes).Action);
    }

    [Theory]
    [InlineData("start")]
    [InlineData("restart")]
    [InlineData("health_status: healthy")]
    public void Recovery_events_ask_for_a_fresh_check(string action)
    {
        Assert.Equal(ContainerEventAction.Recheck, ContainerEventRules.React(action, "c", NoAttributes).Action);
    }

    [Theory]
    [InlineData("create")]
    [InlineData("exec_start: sh")]
    [InlineData("attach")]
    public void Other_events_are_ignored(string action)
    {
        Assert.Equal(ContainerEventAction.Ignore, ContainerEventRules.React(action, "c", NoAttributes).Action);
    }
}
