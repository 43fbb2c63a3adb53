using System.Text.RegularExpressions;

namespace WebOps.Core.Validation;

/// <summary>
/// A Docker image reference <c>[registry[:port]/]path[:tag]</c>, following the grammar of
/// distribution/reference. Digests are not accepted: WebOps builds and tags the image itself.
/// </summary>
internal static partial class ImageNameRule
{
    private const string ComponentRule = "use lowercase letters and digits, separated by '.', '_', '__' or '-'";

    public static string? Check(string value)
    {
        if (value.Length == 0)
        {
            return "is empty; leave it out to use webops/<name>:latest, or give a name such as myorg/app:1.0";
        }

        if (value.Length > ValidationLimits.ImageNameMaxLength)
        {
            return $"{Describe.TooLong(value.Length, ValidationLimits.ImageNameMaxLength)}; shorten it";
        }

        var bad = Describe.FirstControlOrWhiteSpace(value);
        if (bad >= 0)
        {
            return $"contains {Describe.Char(value[bad])}, which is not allowed in an image name; remove it";
        }

        if (value.Contains('@', StringComparison.Ordinal))
        {
            return "has a digest ('@...'), which is not supported; use a tag, e.g. myorg/app:1.0";
        }

        var (registry, path, tag) = Split(value);
        if (tag is not null && !Tag().IsMatch(tag))
        {
            return $"has the tag {Describe.Quote(tag)}, which is not valid; a tag is 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'";
        }

        if (registry is not null && !Registry().IsMatch(registry))
        {
            return $"has the registry {Describe.Quote(registry)}, which is not a valid host[:port]; e.g. registry.example.com:5000/app";
        }

        return CheckPath(registry, path, tag);
    }

    private static string? CheckPath(string? registry, string path, string? tag)
    {
        if (path.Length == 0)
        {
            return "has no repository name; give one such as myorg/app:1.0";
        }

        foreach (var component in path.Split('/'))
        {
            if (component.Length == 0)
            {
                return "has an empty path component; remove the extra '/'";
            }

            if (Component().IsMatch(component))
            {
                continue;
            }

            if (Component().IsMatch(component.ToLowerInvariant()))
            {
                var suggestion = (registry is null ? "" : registry + "/") + path.ToLowerInvariant() + (tag is null ? "" : ":" + tag);
                return $"must be lowercase; use {Describe.Quote(suggestion)} instead";
            }

            return $"has the path component {Describe.Quote(component)}, which is not valid; {ComponentRule}";
        }

        return null;
    }

    /// <summary>Splits off the tag (a ':' after the last '/') and the registry (a first part with '.' or ':', or localhost).</summary>
    private static (string? Registry, string Path, string? Tag) Split(string value)
    {
        string? tag = null;
        var colon = value.LastIndexOf(':');
        if (colon > value.LastIndexOf('/'))
        {
            tag = value[(colon + 1)..];
            value = value[..colon];
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var first = value[..slash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            {
                return (first, value[(slash + 1)..], tag);
            }
        }

        return (null, value, tag);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Component();

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Registry();
}
