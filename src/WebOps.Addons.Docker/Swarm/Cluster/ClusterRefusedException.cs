namespace WebOps.Addons.Docker.Swarm.Cluster;

/// <summary>A cluster operation that cannot happen in the engine's current state; the message names the next step.</summary>
public sealed class ClusterRefusedException(string message, Exception? inner = null) : Exception(message, inner);
