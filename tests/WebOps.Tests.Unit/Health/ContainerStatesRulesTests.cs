using WebOps.Addons.Docker.Engine;

namespace WebOps.Tests.Unit.Health;

public sealed class ContainerStatesRulesTests
{
    [Theory]
    [InlineData("die", true)]
    [InlineData("start", true)]
    [InlineData("destroy", true)]
    [InlineData("rename", true)]
    [InlineData("health_status: unhealthy", true)]
    [InlineData("exec_start: /bin/sh -c wget -qO- localhost", false)]
    [InlineData("exec_die", false)]
    public void Only_events_that_can_change_what_a_check_reads_drop_the_kept_answers(string action, bool drops) =>
        Assert.Equal(drops, ContainerStates.ChangesState(action));
}
