namespace WebOps.Tests.Integration.Swarm;

/// <summary>Swarm tests share one two-node test cluster and run one after another (they change its state).</summary>
[CollectionDefinition(Name)]
public sealed class SwarmCollection : ICollectionFixture<SwarmClusterFixture>
{
    public const string Name = "Swarm";
}
