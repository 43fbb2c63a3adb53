using System.Globalization;

namespace WebOps.Addons.Docker.Spec;

/// <summary>
/// One published port. HostPort null lets the engine pick a free port; HostIp null binds all addresses.
/// </summary>
public sealed record PortPublish(string? HostIp, int? HostPort, int ContainerPort, string Protocol)
{
    /// <summary>The engine's key for the container side, e.g. <c>80/tcp</c>.</summary>
    public string ContainerKey => string.Create(CultureInfo.InvariantCulture, $"{ContainerPort}/{Protocol}");

    /// <summary>The <c>docker run -p</c> value, e.g. <c>127.0.0.1:49160:80/tcp</c> or <c>[::1]::80/tcp</c>.</summary>
    public string ToRunArgument()
    {
        var host = HostPort?.ToString(CultureInfo.InvariantCulture) ?? "";
        return HostIp is null
            ? $"{host}:{ContainerKey}"
            : $"{(HostIp.Contains(':', StringComparison.Ordinal) ? $"[{HostIp}]" : HostIp)}:{host}:{ContainerKey}";
    }

    /// <summary>How people read a published port: <c>127.0.0.1:49160-&gt;80/tcp</c>.</summary>
    public static string Describe(string? hostIp, string? hostPort, string containerKey) =>
        $"{(string.IsNullOrEmpty(hostIp) ? "0.0.0.0" : hostIp.Contains(':', StringComparison.Ordinal) ? $"[{hostIp}]" : hostIp)}:{hostPort}->{containerKey}";
}
