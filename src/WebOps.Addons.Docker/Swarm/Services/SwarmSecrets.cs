using System.Security.Cryptography;
using System.Text;
using WebOps.Core.Hooks;

namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>
/// Which variables of a swarm deployment become Swarm secrets, and their names. Every variable is a secret at rest
/// (env_vars and docker_env_vars, docker_env_vars winning as for a container); each one with a value goes to the
/// service as a secret file, so no value is in the service's spec, which anyone with access to the manager's engine
/// can read. An empty value has nothing to hide and stays a plain variable (Swarm refuses empty secrets anyway).
/// </summary>
public static class SwarmSecrets
{
    /// <summary>The label naming the variable a secret holds (beside <c>webops.managed</c> and <c>webops.deployment</c>).</summary>
    public const string KeyLabel = "webops.secret_key";

    /// <summary>Swarm's longest secret name.</summary>
    public const int MaxName = 64;

    public static IReadOnlyList<SwarmSecretFile> For(DeploymentSnapshot deployment)
    {
        var merged = new Dictionary<string, string>(deployment.EnvVars, StringComparer.Ordinal);
        foreach (var (key, value) in deployment.DockerEnvVars)
        {
            merged[key] = value;
        }

        return [.. merged.Where(kv => kv.Value.Length > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new SwarmSecretFile(kv.Key, NameOf(deployment.Name, kv.Key, kv.Value), kv.Value))];
    }

    /// <summary>
    /// <c>webops-{deployment}-{key}-{hash}</c>, lower-case, the key shortened when the whole would pass 64 characters;
    /// the hash (of key and value) keeps names apart then too.
    /// </summary>
    public static string NameOf(string deployment, string key, string value)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key + "\0" + value)))[..12];
        var prefix = $"webops-{deployment}-";
        var room = MaxName - prefix.Length - hash.Length - 1;
        var part = key.ToLowerInvariant().Replace('_', '-');
        return $"{prefix}{(room <= 0 ? "" : part[..Math.Min(part.Length, room)] + "-")}{hash}";
    }
}
