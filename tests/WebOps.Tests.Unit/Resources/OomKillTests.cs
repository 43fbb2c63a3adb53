using WebOps.Core.Health;
using WebOps.Core.Resources;

namespace WebOps.Tests.Unit.Resources;

public sealed class OomKillTests
{
    [Fact]
    public void An_oom_event_names_the_limit_from_the_containers_label()
    {
        var reaction = ContainerEventRules.React("oom", "webops-blog", new Dictionary<string, string> { [OomKill.LimitLabel] = "67108864", ["name"] = "webops-blog" });

        Assert.Equal(ContainerEventAction.MarkUnhealthy, reaction.Action);
        Assert.Equal("container webops-blog killed: out of memory (limit 64 MiB); raise its memory limit or fix the leak", reaction.Cause);
    }

    [Fact]
    public void A_kill_inside_a_container_that_kept_running_says_so()
    {
        var reaction = ContainerEventRules.ProcessKilledForMemory("webops-blog", new Dictionary<string, string> { [OomKill.LimitLabel] = "67108864" });

        Assert.Equal(ContainerEventAction.MarkUnhealthy, reaction.Action);
        Assert.Equal("a process in container webops-blog killed: out of memory (limit 64 MiB); the container kept running; raise its memory limit or fix the leak", reaction.Cause);
    }

    [Fact]
    public void Without_a_limit_the_machine_ran_short() =>
        Assert.Equal("killed: out of memory (no memory limit set: the machine itself ran short)", OomKill.FromEvent(new Dictionary<string, string>()));

    [Fact]
    public void An_inspected_container_says_so_only_when_the_kernel_killed_it()
    {
        Assert.Equal("killed: out of memory (limit 1.5 GiB)", OomKill.FromState(true, 1536L * 1024 * 1024));
        Assert.Null(OomKill.FromState(false, 67108864));
    }
}
