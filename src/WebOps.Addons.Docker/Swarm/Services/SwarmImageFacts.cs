namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>What a swarm deploy needs to know of its image: whether it has <c>/bin/sh</c>, and what it runs.</summary>
public sealed record SwarmImageFacts(bool HasShell, IList<string> Entrypoint, IList<string> Cmd);
