using WebOps.Addons.Docker.Swarm.Cluster;

namespace WebOps.Tests.Unit.Swarm;

public sealed class ClusterJoinCommandTests
{
    [Theory]
    [InlineData("10.0.0.2:2377", "docker swarm join --token SWMTKN-1-abc 10.0.0.2:2377")]
    [InlineData("10.0.0.2", "docker swarm join --token SWMTKN-1-abc 10.0.0.2:2377")]
    [InlineData("fd00::2", "docker swarm join --token SWMTKN-1-abc [fd00::2]:2377")]
    [InlineData("[fd00::2]:2377", "docker swarm join --token SWMTKN-1-abc [fd00::2]:2377")]
    public void The_join_command_is_docker_swarm_join_with_the_token_and_the_managers_address_and_port(string address, string expected) =>
        Assert.Equal(expected, JoinCommand.Format("SWMTKN-1-abc", address));

    [Theory]
    [InlineData(null, JoinRole.Worker)]
    [InlineData("worker", JoinRole.Worker)]
    [InlineData("Manager", JoinRole.Manager)]
    public void The_role_defaults_to_worker(string? role, JoinRole expected) => Assert.Equal(expected, JoinCommand.ParseRole(role));

    [Fact]
    public void An_unknown_role_says_which_roles_exist()
    {
        var e = Assert.Throws<ArgumentException>(() => JoinCommand.ParseRole("boss"));
        Assert.StartsWith("role: 'boss' is not a node role; use worker or manager.", e.Message, StringComparison.Ordinal);
    }
}
