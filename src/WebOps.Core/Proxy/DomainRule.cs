using System.Globalization;
using System.Net;

namespace WebOps.Core.Proxy;

/// <summary>
/// One domain a deployment answers at: a lowercase RFC 1123 host name, as Caddy matches it and an ACME server
/// signs it. Returns what is wrong and how to fix it, or null when the name is fine.
/// </summary>
public static class DomainRule
{
    public const int MaxLength = 253;
    public const int MaxLabel = 63;

    public static string? Check(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var name = domain.Trim();
        if (name.Length == 0)
        {
            return "is empty; give a host name such as 'blog.example.com'";
        }

        if (name.Contains("://", StringComparison.Ordinal))
        {
            return $"'{name}' is a URL; give only the host name, e.g. '{HostOf(name)}'";
        }

        if (name.Contains('/', StringComparison.Ordinal))
        {
            return $"'{name}' has a path; give only the host name, e.g. '{name[..name.IndexOf('/', StringComparison.Ordinal)]}'";
        }

        if (name.Contains('*', StringComparison.Ordinal))
        {
            return $"'{name}' is a wildcard, which is not supported; list each name the app answers at";
        }

        if (IPAddress.TryParse(name.Trim('[', ']'), out _))
        {
            return $"'{name}' is an IP address; give a domain name whose DNS points at this server";
        }

        if (name.Contains(':', StringComparison.Ordinal))
        {
            return $"'{name}' has a port; give only the host name (the edge answers on its HTTP and HTTPS ports)";
        }

        return Shape(name);
    }

    private static string? Shape(string name)
    {
        if (name.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"is {name.Length} characters long; a domain has at most {MaxLength}");
        }

        if (name.Any(char.IsUpper))
        {
            return $"'{name}' has capital letters; write it in lowercase: '{name.ToLowerInvariant()}'";
        }

        if (name.EndsWith('.'))
        {
            return $"'{name}' ends with a dot; leave it out: '{name.TrimEnd('.')}'";
        }

        if (!name.Contains('.', StringComparison.Ordinal))
        {
            return $"'{name}' is a single label; give a full name such as '{name}.example.com' (or '{name}.localhost' for a local one)";
        }

        foreach (var label in name.Split('.'))
        {
            if (Label(name, label) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Label(string name, string label)
    {
        if (label.Length == 0)
        {
            return $"'{name}' has an empty label (two dots in a row, or a leading dot)";
        }

        if (label.Length > MaxLabel)
        {
            return string.Create(CultureInfo.InvariantCulture, $"label '{label}' is {label.Length} characters long; a label has at most {MaxLabel}");
        }

        if (label.FirstOrDefault(c => c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')) is var bad and not '\0')
        {
            return $"'{name}' has '{bad}', which a host name cannot hold; use letters a-z, digits and hyphens";
        }

        return label.StartsWith('-') || label.EndsWith('-')
            ? $"label '{label}' of '{name}' starts or ends with a hyphen, which a host name cannot"
            : null;
    }

    private static string HostOf(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var end = rest.IndexOfAny(['/', ':', '?', '#']);
        return end < 0 ? rest : rest[..end];
    }
}
