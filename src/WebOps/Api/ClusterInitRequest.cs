namespace WebOps.Api;

/// <summary><c>POST /api/cluster/init</c>: the address other servers reach this one on; empty uses Swarm:AdvertiseAddress.</summary>
public sealed record ClusterInitRequest(string? AdvertiseAddress);
