namespace WebOps.Addons.Docker.Swarm;

/// <summary>Settings of running deployments on a Docker Swarm cluster, bound from the configuration section <c>Swarm</c>.</summary>
public sealed class SwarmOptions
{
    public const string SectionName = "Swarm";

    /// <summary>Off by default: single-server users see no cluster pages, fields or engine calls unless they turn it on.</summary>
    public bool Enabled { get; set; }

    /// <summary>The address other nodes reach this manager on (<c>webops cluster init</c>); empty lets the engine choose.</summary>
    public string AdvertiseAddress { get; set; } = "";
}
