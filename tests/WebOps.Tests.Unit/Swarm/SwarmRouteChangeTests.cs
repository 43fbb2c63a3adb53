using WebOps.Swarm.Routing;

namespace WebOps.Tests.Unit.Swarm;

public sealed class SwarmRouteChangeTests
{
    private static Dictionary<string, IReadOnlyList<string>> Map(params (string Name, string[] Tasks)[] items) =>
        items.ToDictionary(i => i.Name, i => (IReadOnlyList<string>)i.Tasks);

    [Fact]
    public void Changes_name_each_deployment_with_its_added_and_removed_tasks_and_leave_out_the_unchanged()
    {
        var before = Map(("shop", ["10.0.0.2:30001", "10.0.0.3:30002"]), ("blog", ["10.0.0.2:30005"]), ("gone", ["10.0.0.3:30009"]));
        var after = Map(("shop", ["10.0.0.2:30001", "10.0.0.2:30003"]), ("blog", ["10.0.0.2:30005"]), ("new", []));

        var lines = SwarmRouteChange.Between(before, after).Select(c => c.Describe());

        Assert.Equal(
            [
                "'gone' now 0 task(s); removed 10.0.0.3:30009",
                "'shop' now 2 task(s); added 10.0.0.2:30003; removed 10.0.0.3:30002",
            ],
            lines);
        Assert.False(SwarmRouteChange.Same(before, after));
    }

    [Fact]
    public void The_first_listing_adds_every_task_and_an_equal_listing_is_the_same()
    {
        var listed = Map(("shop", ["10.0.0.2:30001"]));

        Assert.Equal(["'shop' now 1 task(s); added 10.0.0.2:30001"], SwarmRouteChange.Between(null, listed).Select(c => c.Describe()));
        Assert.False(SwarmRouteChange.Same(null, listed));
        Assert.True(SwarmRouteChange.Same(Map(("shop", ["10.0.0.2:30001"])), listed));
        Assert.False(SwarmRouteChange.Same(Map(("shop", ["10.0.0.2:30001"]), ("blog", [])), listed));
    }
}
