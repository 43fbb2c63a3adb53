using WebOps.Core.Validation;

namespace WebOps.Core.Health;

/// <summary>Validates a deployment's HTTP probe settings; each error names its snake_case field.</summary>
public static class HealthSettingsRules
{
    public const string DefaultPath = "/";
    public const string DefaultHost = "localhost";
    public const int MaxPathLength = 2000;

    public static IReadOnlyList<FieldError> Validate(string? path, int? expectedStatus, string? host)
    {
        var errors = new List<FieldError>();
        if (path is not null)
        {
            if (!path.StartsWith('/'))
            {
                errors.Add(new("path", $"must start with '/', e.g. /health (got '{Shorten(path)}')"));
            }
            else if (path.Length > MaxPathLength)
            {
                errors.Add(new("path", $"is {path.Length} characters long; the limit is {MaxPathLength}"));
            }
            else if (path.Any(c => char.IsControl(c) || c == ' '))
            {
                errors.Add(new("path", "contains a space or a control character; percent-encode it (%20)"));
            }
        }

        if (expectedStatus is { } status && status is < 100 or > 599)
        {
            errors.Add(new("expected_status", $"must be an HTTP status between 100 and 599 (got {status})"));
        }

        if (host is not null && !IsHostName(host))
        {
            errors.Add(new("host", $"'{Shorten(host)}' is not a host name; use e.g. localhost or blog.example.com"));
        }

        return errors;
    }

    /// <summary>RFC 1123 labels (letters, digits, inner hyphens, 1 to 63 long) joined by dots, or an IPv4 address.</summary>
    private static bool IsHostName(string host) =>
        host.Length is > 0 and <= 253
        && (Uri.CheckHostName(host) == UriHostNameType.IPv4
            || host.Split('.').All(label => label.Length is > 0 and <= 63
                && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
                && label[0] != '-' && label[^1] != '-'));

    private static string Shorten(string text)
    {
        var clean = new string(text.Take(40).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return text.Length > 40 ? clean + "..." : clean;
    }
}
