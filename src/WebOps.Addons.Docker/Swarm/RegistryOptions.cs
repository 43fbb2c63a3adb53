namespace WebOps.Addons.Docker.Swarm;

/// <summary>
/// The registry images reach every cluster node through, bound from the configuration section <c>Registry</c>. The
/// admin runs it (e.g. Debian's docker-registry); swarm deployments are refused while it is not set.
/// </summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Registry";

    /// <summary>host:port of the registry, e.g. <c>10.0.0.1:5000</c>; images are pushed as <c>{Address}/webops/{name}:deploy-N</c>.</summary>
    public string Address { get; set; } = "";
}
