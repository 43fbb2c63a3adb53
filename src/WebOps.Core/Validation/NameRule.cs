using System.Buffers;
using System.Text.RegularExpressions;

namespace WebOps.Core.Validation;

/// <summary>
/// A deployment name is a lowercase DNS label, because it becomes a container name, an image name
/// and possibly a host name.
/// </summary>
internal static partial class NameRule
{
    private static readonly SearchValues<char> LabelAndUpper =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    // "/deployments/new" is the create form, so a deployment named "new" could never be opened.
    private static readonly HashSet<string> Reserved = ["new"];

    private const string Allowed = "use 1 to 63 lowercase letters, digits or hyphens, e.g. 'blog'";

    public static string? Check(string value)
    {
        if (value.Length == 0)
        {
            return $"is empty; {Allowed}";
        }

        if (value.Length > ValidationLimits.NameMaxLength)
        {
            return $"{Describe.TooLong(value.Length, ValidationLimits.NameMaxLength)}; shorten it";
        }

        if (Label().IsMatch(value))
        {
            return Reserved.Contains(value) ? $"'{value}' is reserved by the panel's own pages; choose another name" : null;
        }

        // Uppercase letters get their own message below, with the lowercase form to use.
        var bad = value.AsSpan().IndexOfAnyExcept(LabelAndUpper);
        if (bad >= 0)
        {
            return $"contains {Describe.Char(value[bad])}, which is not allowed; {Allowed}";
        }

        var lower = value.ToLowerInvariant();
        if (lower != value && Label().IsMatch(lower))
        {
            return $"must be lowercase; use '{lower}' instead";
        }

        return $"must start and end with a letter or digit, not a hyphen; {Allowed}";
    }

    // \z, not $: $ also matches before a trailing newline.
    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]*[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
