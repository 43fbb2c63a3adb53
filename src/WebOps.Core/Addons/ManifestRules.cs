using System.Text.RegularExpressions;

namespace WebOps.Core.Addons;

/// <summary>The pure rules behind manifest fields: names, versions and durations.</summary>
public static partial class ManifestRules
{
    public const int MaxManifestBytes = 64 * 1024;

    public static readonly TimeSpan MaxHookTimeout = TimeSpan.FromHours(1);

    /// <summary>A lowercase DNS label: a-z, 0-9 and '-', 1 to 63 characters, no '-' at either end.</summary>
    public static bool IsValidName(string name) => NameRegex().IsMatch(name);

    /// <summary>Semantic Versioning 2.0: MAJOR.MINOR.PATCH with optional -prerelease and +build parts.</summary>
    public static bool IsSemVer(string version) => SemVerRegex().IsMatch(version);

    /// <summary>Parses <c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c> or a bare number of seconds; null when it is none of these.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var match = DurationRegex().Match(text.Trim());
        if (!match.Success || !long.TryParse(match.Groups["n"].ValueSpan, out var n) || n > 1_000_000_000)
        {
            return null;
        }

        return match.Groups["unit"].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "" or "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            _ => TimeSpan.FromHours(n),
        };
    }

    /// <summary>Writes a duration the way manifests do: <c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c>.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        var ms = (long)duration.TotalMilliseconds;
        return ms switch
        {
            _ when ms % 3_600_000 == 0 && ms > 0 => $"{ms / 3_600_000}h",
            _ when ms % 60_000 == 0 && ms > 0 => $"{ms / 60_000}m",
            _ when ms % 1000 == 0 => $"{ms / 1000}s",
            _ => $"{ms}ms",
        };
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NameRegex();

    // The regular expression published at semver.org, unchanged apart from the group names.
    [GeneratedRegex(
        @"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)"
        + @"(?:-((?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
        + @"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex SemVerRegex();

    [GeneratedRegex("^(?<n>[0-9]{1,10})(?<unit>ms|s|m|h)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationRegex();
}
