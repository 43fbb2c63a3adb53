using System.Globalization;

namespace WebOps.Core.Proxy;

/// <summary>
/// The two fixed upstream slots of a routed deployment, derived from its host port so nothing more is stored: ports
/// <c>2k</c> (slot <c>a</c>) and <c>2k+1</c> (slot <c>b</c>). A redeploy starts the new release on the partner of the
/// serving port, so the edge config stays the same and a switch only flips the slots' health files
/// (<see cref="CaddyConfig"/>). Slot <c>b</c> is dialled as <c>[::ffff:127.0.0.1]</c>: the same loopback socket, but a
/// host of its own in Caddy's health-check request, which is all that tells the two slots' checks apart (one handler
/// has one health URI and one health port).
/// </summary>
public static class SlotPorts
{
    public const string SlotA = "a";
    public const string SlotB = "b";

    /// <summary>The host the health check of slot <c>b</c> asks for; slot <c>a</c>'s is <c>127.0.0.1</c>.</summary>
    public const string MappedLoopback = "::ffff:127.0.0.1";

    /// <summary>The other port of <paramref name="port"/>'s pair.</summary>
    public static int Partner(int port) => port ^ 1;

    /// <summary>The pair's first port, which also names the pair in the health URI.</summary>
    public static int PairBase(int port) => port & ~1;

    /// <summary>The slot a port serves in.</summary>
    public static string Slot(int port) => (port & 1) == 0 ? SlotA : SlotB;

    /// <summary>How the edge dials <paramref name="port"/>.</summary>
    public static string Dial(int port) => (port & 1) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}")
        : string.Create(CultureInfo.InvariantCulture, $"[{MappedLoopback}]:{port}");

    /// <summary>
    /// The health file of <paramref name="port"/>'s slot, relative to a slot folder (<c>slots/a</c> or <c>slots/b</c>):
    /// <c>NAME/PAIRBASE</c>, so the files of an earlier pair never make the current pair's slots look healthy.
    /// </summary>
    public static string HealthPath(string deployment, int port) =>
        string.Create(CultureInfo.InvariantCulture, $"/{deployment}/{PairBase(port)}");

    /// <summary>
    /// What the health checker of <paramref name="domain"/>'s route asks for: <see cref="HealthPath"/> plus the route's
    /// name as a query the file server ignores, so the slot server's access log tells each route's checks apart (every
    /// route has a checker of its own, and a switch waits until each one has seen the change).
    /// </summary>
    public static string HealthUri(string deployment, int port, string domain) =>
        $"{HealthPath(deployment, port)}?route={Uri.EscapeDataString(domain)}";

    /// <summary>
    /// The slot a health check was for, from the host it asked the slot server for (<c>127.0.0.1:P</c> is slot
    /// <c>a</c>, <c>[::ffff:127.0.0.1]:P</c> slot <c>b</c>); null for any other host.
    /// </summary>
    public static string? SlotOfHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var end = host.StartsWith('[') ? host.IndexOf(']', StringComparison.Ordinal) : -1;
        var colon = host.IndexOf(':', StringComparison.Ordinal);
        // Unbracketed, a host with more than one colon is an IPv6 address without a port.
        var bare = colon < 0 || host.IndexOf(':', colon + 1) >= 0;
        var name = end > 0 ? host[1..end] : bare ? host : host[..colon];
        return name switch
        {
            "127.0.0.1" => SlotA,
            MappedLoopback => SlotB,
            _ => null,
        };
    }
}
