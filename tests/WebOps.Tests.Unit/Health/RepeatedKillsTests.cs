using WebOps.Core.Runtime;
using WebOps.Health;

namespace WebOps.Tests.Unit.Health;

public class RepeatedKillsTests
{
    private static RuntimeEvent Event(string action, string container) =>
        new(action, container, $"webops-{container}", "blog", DateTimeOffset.UnixEpoch, new Dictionary<string, string>());

    [Fact]
    public void An_oom_of_a_container_whose_kill_is_still_being_handled_is_the_same_kill()
    {
        var kills = new RepeatedKills();
        var first = Event("oom", "c1");

        Assert.True(kills.TryBegin(first));
        Assert.False(kills.TryBegin(Event("oom", "c1")));
        Assert.False(kills.TryBegin(Event("oom", "c1")));

        // Another container's kill, and the same container's other events, are their own.
        Assert.True(kills.TryBegin(Event("oom", "c2")));
        Assert.True(kills.TryBegin(Event("die", "c1")));
        Assert.True(kills.TryBegin(Event("start", "c1")));
        Assert.True(kills.TryBegin(Event("die", "c1")));
    }

    [Fact]
    public void Once_a_kill_is_handled_the_next_oom_of_that_container_is_a_new_kill()
    {
        var kills = new RepeatedKills();
        var first = Event("oom", "c1");
        Assert.True(kills.TryBegin(first));

        kills.End(first);

        Assert.True(kills.TryBegin(Event("oom", "c1")));
    }

    [Fact]
    public void Ending_another_event_does_not_end_a_kill()
    {
        var kills = new RepeatedKills();
        Assert.True(kills.TryBegin(Event("oom", "c1")));

        kills.End(Event("die", "c1"));
        kills.End(Event("oom", "c2"));

        Assert.False(kills.TryBegin(Event("oom", "c1")));
    }
}
