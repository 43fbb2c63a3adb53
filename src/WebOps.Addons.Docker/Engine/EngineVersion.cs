namespace WebOps.Addons.Docker.Engine;

/// <summary>What the engine reports about itself, and the API version WebOps talks to it with.</summary>
public sealed record EngineVersion(string Endpoint, string ServerVersion, string ServerApiVersion, System.Version NegotiatedApiVersion)
{
    public override string ToString() => $"Docker engine {ServerVersion} answers at {Endpoint} (API {NegotiatedApiVersion.ToString(2)})";
}
