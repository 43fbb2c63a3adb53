using System.Globalization;

namespace WebOps.Core.Validation;

/// <summary><c>docker_ports</c>: each entry parsed, and no host port bound twice for the same protocol and address.</summary>
internal static class PortListRule
{
    private const string Field = "docker_ports";

    public static void Check(IReadOnlyList<string> ports, List<FieldError> errors)
    {
        if (ports.Count > ValidationLimits.PortsMaxCount)
        {
            errors.Add(new FieldError(Field,
                $"has {Describe.Count(ports.Count)} entries; the limit is {Describe.Count(ValidationLimits.PortsMaxCount)}, so remove some"));
        }

        var taken = new List<(PortSpec Spec, string Path)>();
        for (var i = 0; i < ports.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{Field}[{i}]");
            if (!PortSpec.TryParse(ports[i], out var spec, out var error))
            {
                errors.Add(new FieldError(path, error));
                continue;
            }

            var clash = taken.FirstOrDefault(t => Clashes(t.Spec, spec));
            if (clash.Path is not null)
            {
                errors.Add(new FieldError(path, $"host port {HostSide(spec)} is already used by {clash.Path}; choose another host port"));
            }
            else
            {
                taken.Add((spec, path));
            }
        }
    }

    /// <summary>
    /// Same port and protocol on the same address, or on any address when either side binds all
    /// addresses: Docker could not start the second binding.
    /// </summary>
    private static bool Clashes(PortSpec a, PortSpec b) =>
        a.HostPort == b.HostPort
        && a.Protocol == b.Protocol
        && (IsWildcard(a.HostIp) || IsWildcard(b.HostIp) || a.HostIp == b.HostIp);

    private static bool IsWildcard(string? ip) => ip is null or "0.0.0.0" or "::";

    private static string HostSide(PortSpec spec)
    {
        var ip = spec.HostIp switch
        {
            null => "",
            _ when spec.HostIp.Contains(':', StringComparison.Ordinal) => $"[{spec.HostIp}]:",
            _ => spec.HostIp + ":",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{ip}{spec.HostPort}/{spec.Protocol}");
    }
}
