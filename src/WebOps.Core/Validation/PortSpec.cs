using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace WebOps.Core.Validation;

/// <summary>
/// One published port, parsed from <c>[ip:]host:container[/tcp|udp]</c>. <see cref="HostIp"/> is
/// null when the port is bound on all addresses; IPv6 addresses come back without brackets.
/// </summary>
public sealed partial record PortSpec(string? HostIp, int HostPort, int ContainerPort, string Protocol)
{
    private const string Form = "use [ip:]host:container[/tcp|udp], e.g. 8080:80, 127.0.0.1:8080:80 or 5353:53/udp";

    /// <summary>The Docker Engine API key for the container side, e.g. <c>80/tcp</c>.</summary>
    public string ContainerPortKey => string.Create(CultureInfo.InvariantCulture, $"{ContainerPort}/{Protocol}");

    /// <summary>Parses a port, or throws <see cref="FormatException"/> naming the value and the problem.</summary>
    public static PortSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var spec, out var error)
            ? spec
            : throw new FormatException($"Port {Describe.Quote(text)} is not valid: {error}.");
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out PortSpec? spec, [NotNullWhen(false)] out string? error)
    {
        spec = null;
        if (string.IsNullOrEmpty(text))
        {
            error = $"is empty; {Form}";
            return false;
        }

        if (text.Length > ValidationLimits.PortSpecMaxLength)
        {
            error = $"{Describe.TooLong(text.Length, ValidationLimits.PortSpecMaxLength)}; {Form}";
            return false;
        }

        var protocol = "tcp";
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = text[(slash + 1)..];
            text = text[..slash];
        }

        error = protocol is "tcp" or "udp" ? null : $"protocol {Describe.Quote(protocol)} is not supported; use tcp or udp";
        var (ip, host, container) = error is null ? SplitAddress(text, ref error) : default;
        if (error is not null)
        {
            return false;
        }

        var hostPort = 0;
        var containerPort = 0;
        error = CheckIp(ip) ?? CheckPort("host", host!, ref hostPort) ?? CheckPort("container", container!, ref containerPort);
        if (error is not null)
        {
            return false;
        }

        spec = new PortSpec(CanonicalIp(ip), hostPort, containerPort, protocol);
        return true;
    }

    private static (string? Ip, string? Host, string? Container) SplitAddress(string text, ref string? error)
    {
        string? ip = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf("]:", StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"has an IPv6 address without a closing ']'; {Form}";
                return default;
            }

            ip = text[..(close + 1)];
            text = text[(close + 2)..];
        }

        var parts = text.Split(':');
        if (ip is null && parts.Length == 3)
        {
            return (parts[0], parts[1], parts[2]);
        }

        if (parts.Length == 2)
        {
            return (ip, parts[0], parts[1]);
        }

        error = parts.Length == 1 && ip is null
            ? "gives only the container port; add the host port in front, e.g. 8080:80"
            : $"does not have the form [ip:]host:container; {Form}";
        return default;
    }

    private static string? CheckIp(string? ip)
    {
        if (ip is null)
        {
            return null;
        }

        if (ip.StartsWith('['))
        {
            var inner = ip[1..^1];
            return IPAddress.TryParse(inner, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 && !inner.Contains('%', StringComparison.Ordinal)
                ? null
                : $"host address {Describe.Quote(ip)} is not a valid IPv6 address; e.g. [::1]:8080:80";
        }

        return IPv4().IsMatch(ip)
            ? null
            : $"host address {Describe.Quote(ip)} is not a valid IPv4 address; use four numbers 0-255 such as 127.0.0.1, or [IPv6] in brackets";
    }

    /// <summary>IPv6 in its canonical text without brackets, so <c>[0:0::1]</c> and <c>[::1]</c> compare equal.</summary>
    private static string? CanonicalIp(string? ip) =>
        ip is not null && ip.StartsWith('[') ? IPAddress.Parse(ip[1..^1]).ToString() : ip;

    private static string? CheckPort(string side, string text, ref int port)
    {
        // NumberStyles.None: no sign, no spaces, no hex; only plain digits.
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= 65535)
        {
            port = parsed;
            return null;
        }

        return $"{side} port {Describe.Quote(text)} is not a port number; use 1 to 65535";
    }

    [GeneratedRegex(@"^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\z", RegexOptions.CultureInvariant)]
    private static partial Regex IPv4();
}
