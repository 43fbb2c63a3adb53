namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>A Swarm secret that exists on the cluster, to mount at <c>/run/secrets/{Key}</c>: its name and the id Swarm gave it.</summary>
public sealed record SwarmSecretMount(string Key, string Name, string Id);
