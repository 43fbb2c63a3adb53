namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>
/// A variable of a swarm deployment delivered as a Swarm secret: the file <c>/run/secrets/{Key}</c> in every task holds
/// <see cref="Value"/>, and the service's environment names it as <c>{Key}_FILE</c>. <see cref="Name"/> carries a hash
/// of key and value, so a changed value is a new secret (Swarm secrets cannot change) and a deploy that failed leaves
/// the running tasks their old one.
/// </summary>
public sealed record SwarmSecretFile(string Key, string Name, string Value)
{
    public string Path => $"/run/secrets/{Key}";

    public string FileVariable => $"{Key}_FILE";
}
