using Docker.DotNet;
using Docker.DotNet.Models;

namespace WebOps.Tests.Integration.Swarm;

[Collection(SwarmCollection.Name)]
public sealed class SwarmClusterFixtureTests
{
    [SwarmFact]
    public async Task The_test_cluster_has_a_ready_manager_and_a_ready_worker_on_their_own_engines()
    {
        await SwarmClusterFixture.EnsureSwarmAsync();
        using var manager = new DockerClientBuilder().WithEndpoint(new Uri(SwarmClusterFixture.ManagerEndpoint)).Build();

        var nodes = await manager.Swarm.ListNodesAsync();

        Assert.Equal(2, nodes.Count);
        Assert.All(nodes, n => Assert.Equal("ready", n.Status!.State));
        Assert.Equal(["webops-swm", "webops-sww"], nodes.Select(n => n.Description!.Hostname).Order());
        Assert.Single(nodes, n => n.ManagerStatus?.Leader == true);
    }
}
