namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>A swarm deploy step failed; the message says what happened to the service and what still serves.</summary>
public sealed class SwarmDeployException(string message) : Exception(message);
