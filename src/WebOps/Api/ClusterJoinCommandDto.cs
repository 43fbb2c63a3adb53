namespace WebOps.Api;

/// <summary>The command a new server runs to join (<c>GET /api/cluster/join-command</c>).</summary>
public sealed record ClusterJoinCommandDto(string Role, string Command);
