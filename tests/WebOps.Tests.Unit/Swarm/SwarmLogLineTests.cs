using Docker.DotNet.Models;
using WebOps.Addons.Docker.Swarm.Services;

namespace WebOps.Tests.Unit.Swarm;

public class SwarmLogLineTests
{
    [Fact]
    public void A_line_is_marked_with_its_tasks_slot_and_nodes_hostname()
    {
        var tasks = new Dictionary<string, TaskResponse> { ["t1"] = new() { ID = "t1", Slot = 2 } };
        var hosts = new Dictionary<string, string> { ["n1"] = "web-2" };

        var text = SwarmLogLine.Mark("com.docker.swarm.node.id=n1,com.docker.swarm.service.id=s1,com.docker.swarm.task.id=t1 GET / 200", tasks, hosts);

        Assert.Equal("[task 2 on web-2] GET / 200", text);
    }

    [Fact]
    public void A_line_without_details_is_kept_as_it_is()
    {
        Assert.Equal("plain text", SwarmLogLine.Mark("plain text", new Dictionary<string, TaskResponse>(), new Dictionary<string, string>()));
    }
}
