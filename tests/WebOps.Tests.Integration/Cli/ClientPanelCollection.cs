namespace WebOps.Tests.Integration.Cli;

/// <summary>The client verb tests share one panel: starting one is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class ClientPanelCollection : ICollectionFixture<ClientPanel>
{
    public const string Name = "client panel";
}
