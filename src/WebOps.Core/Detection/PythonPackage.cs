using System.Text.RegularExpressions;

namespace WebOps.Core.Detection;

/// <summary>Package names inside Python requirement specifiers ("Django[argon2]>=3.2; python_version>'3'").</summary>
internal static partial class PythonPackage
{
    /// <summary>The PEP 503 normalized name ("django", "psycopg2-binary"), or null when the text names no package.</summary>
    public static string? NameOf(string requirement)
    {
        var match = LeadingName().Match(requirement.Trim());
        return match.Success ? Normalize(match.Value) : null;
    }

    /// <summary>Lowercase with runs of '-', '_' and '.' as one '-', so "Django_Environ" equals "django-environ".</summary>
    public static string Normalize(string name) => Separators().Replace(name.Trim().ToLowerInvariant(), "-");

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")]
    private static partial Regex LeadingName();

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();
}
