using Docker.DotNet.Models;
using WebOps.Addons.Docker.Swarm.Routing;

namespace WebOps.Tests.Unit.Swarm;

public sealed class SwarmTaskEndpointsTests
{
    private static SwarmService Service(string id, string? deployment) => new()
    {
        ID = id,
        Spec = new ServiceSpec { Labels = deployment is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["webops.managed"] = "true", ["webops.deployment"] = deployment } },
    };

    private static NodeListResponse Node(string id, string addr, string state = "ready", string? managerAddr = null) => new()
    {
        ID = id,
        Status = new NodeStatus { State = state, Addr = addr },
        ManagerStatus = managerAddr is null ? null : new ManagerStatus { Addr = managerAddr },
    };

    private static TaskResponse Task(string service, string node, uint port, TaskState desired = TaskState.Running, TaskState state = TaskState.Running) => new()
    {
        ServiceID = service,
        NodeID = node,
        DesiredState = desired,
        Status = new global::Docker.DotNet.Models.TaskStatus
        {
            State = state,
            // The engine lists a host-mode binding once per address family, IPv4 first; the IPv6 port may be another.
            PortStatus = new PortStatus { Ports = [new PortConfig { PublishedPort = port, TargetPort = 8080 }, new PortConfig { PublishedPort = port + 1, TargetPort = 8080 }] },
        },
    };

    [Fact]
    public void Running_tasks_give_their_node_address_and_published_port_per_deployment_sorted()
    {
        var endpoints = SwarmTaskEndpoints.Of(
            [Service("s1", "shop"), Service("s2", "blog"), Service("s3", null)],
            [
                Task("s1", "n2", 30002), Task("s1", "n1", 30001),
                Task("s1", "n1", 30009, desired: TaskState.Shutdown), // being replaced: Swarm no longer wants it
                Task("s1", "n2", 30008, state: TaskState.Starting),   // not serving yet
                Task("s1", "n3", 30007),                              // on a node that is down
                Task("s3", "n1", 30005),                              // not a WebOps service
            ],
            [Node("n1", "0.0.0.0", managerAddr: "10.0.0.2:2377"), Node("n2", "10.0.0.3"), Node("n3", "10.0.0.4", state: "down")]);

        Assert.Equal(["blog", "shop"], endpoints.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["10.0.0.2:30001", "10.0.0.3:30002"], endpoints["shop"]);
        Assert.Empty(endpoints["blog"]);
    }

    [Fact]
    public void An_ipv6_node_address_is_bracketed()
    {
        var endpoints = SwarmTaskEndpoints.Of([Service("s1", "shop")], [Task("s1", "n1", 30001)], [Node("n1", "fd00::2")]);

        Assert.Equal(["[fd00::2]:30001"], endpoints["shop"]);
    }
}
