using System.Globalization;

namespace WebOps.Addons.Docker.Swarm.Cluster;

/// <summary>The command an admin runs on a new server to add it to the cluster, as plain text.</summary>
public static class JoinCommand
{
    /// <summary>The port managers listen on for nodes joining, when an address carries none.</summary>
    public const int ManagerPort = 2377;

    /// <summary>e.g. <c>docker swarm join --token SWMTKN-1-... 10.0.0.2:2377</c>.</summary>
    public static string Format(string token, string managerAddress) =>
        $"docker swarm join --token {token} {WithPort(managerAddress)}";

    /// <summary>host:port; a bare host (or IPv6 address) gets the manager port.</summary>
    public static string WithPort(string address)
    {
        if (address.StartsWith('[') && address.Contains("]:", StringComparison.Ordinal))
        {
            return address;
        }

        if (address.Count(c => c == ':') > 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"[{address.Trim('[', ']')}]:{ManagerPort}");
        }

        return address.Contains(':', StringComparison.Ordinal)
            ? address
            : string.Create(CultureInfo.InvariantCulture, $"{address}:{ManagerPort}");
    }

    public static JoinRole ParseRole(string? role) => role?.Trim().ToLowerInvariant() switch
    {
        null or "" or "worker" => JoinRole.Worker,
        "manager" => JoinRole.Manager,
        _ => throw new ArgumentException($"role: '{role}' is not a node role; use worker or manager.", nameof(role)),
    };
}
