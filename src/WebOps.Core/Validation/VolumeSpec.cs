using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace WebOps.Core.Validation;

/// <summary>
/// One volume mount, parsed from <c>host:container[:ro|rw]</c>. Host paths and container paths
/// come back normalized (<c>/srv/data/</c> becomes <c>/srv/data</c>). Whether a host path is
/// allowed is a separate policy, checked by <see cref="DeploymentValidator"/>.
/// </summary>
public sealed partial record VolumeSpec(string HostPathOrName, bool IsNamedVolume, string ContainerPath, bool ReadOnly)
{
    private const string Form = "use host:container[:ro|rw], e.g. /srv/app-data:/data or app-data:/data:ro";

    /// <summary>The Docker bind form, e.g. <c>/srv/app-data:/data:ro</c> (HostConfig.Binds).</summary>
    public string ToBind() => $"{HostPathOrName}:{ContainerPath}:{(ReadOnly ? "ro" : "rw")}";

    /// <summary>Parses a volume, or throws <see cref="FormatException"/> naming the value and the problem.</summary>
    public static VolumeSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var spec, out var error)
            ? spec
            : throw new FormatException($"Volume {Describe.Quote(text)} is not valid: {error}.");
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out VolumeSpec? spec, [NotNullWhen(false)] out string? error)
    {
        spec = null;
        error = FindFormatError(text);
        if (error is not null)
        {
            return false;
        }

        var parts = text!.Split(':');
        error = CheckHost(parts[0]) ?? CheckContainer(parts[1]) ?? CheckMode(parts);
        if (error is not null)
        {
            return false;
        }

        var named = parts[0][0] != '/';
        var host = named ? parts[0] : PosixPath.Normalize(parts[0]);
        spec = new VolumeSpec(host, named, PosixPath.Normalize(parts[1]), parts.Length == 3 && parts[2] == "ro");
        return true;
    }

    private static string? FindFormatError(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return $"is empty; {Form}";
        }

        if (text.Length > ValidationLimits.VolumeSpecMaxLength)
        {
            return $"{Describe.TooLong(text.Length, ValidationLimits.VolumeSpecMaxLength)}; shorten it";
        }

        // A comma would smuggle extra options into Docker's --mount syntax.
        var bad = text.IndexOf(',', StringComparison.Ordinal) is var comma and >= 0 ? comma : Describe.FirstControl(text);
        if (bad >= 0)
        {
            return $"contains {Describe.Char(text[bad])}, which is not allowed in a volume; {Form}";
        }

        return text.Split(':').Length is 2 or 3 ? null : $"does not have the form host:container[:ro|rw]; {Form}";
    }

    private static string? CheckHost(string host)
    {
        if (host.Length == 0)
        {
            return $"has an empty host side; {Form}";
        }

        if (host[0] == '/')
        {
            return PosixPath.HasParentSegment(host)
                ? $"host path {Describe.Quote(host)} contains a '..' segment; give the full path without '..'"
                : null;
        }

        if (host[0] == '.' || host[0] == '~' || host.Contains('/', StringComparison.Ordinal))
        {
            return $"host path {Describe.Quote(host)} is not absolute; give an absolute path such as /srv/app-data, or a volume name";
        }

        return VolumeName().IsMatch(host)
            ? null
            : $"volume name {Describe.Quote(host)} is not valid; use 2 or more letters, digits, '_', '.' or '-', starting with a letter or digit";
    }

    private static string? CheckContainer(string container)
    {
        if (container.Length == 0 || container[0] != '/')
        {
            return $"container path {Describe.Quote(container)} is not absolute; give a path such as /data";
        }

        if (PosixPath.HasParentSegment(container))
        {
            return $"container path {Describe.Quote(container)} contains a '..' segment; give the full path without '..'";
        }

        return PosixPath.Normalize(container) == "/"
            ? "container path '/' is not allowed; mount at a folder such as /data"
            : null;
    }

    private static string? CheckMode(string[] parts) =>
        parts.Length < 3 || parts[2] is "ro" or "rw"
            ? null
            : $"mode {Describe.Quote(parts[2])} is not supported; use ro (read-only) or rw (read-write)";

    // Docker's own rule for volume names.
    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9_.-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex VolumeName();
}
