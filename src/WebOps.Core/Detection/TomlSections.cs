using System.Text.RegularExpressions;

namespace WebOps.Core.Detection;

/// <summary>Just enough TOML for dependency tables (Pipfile, pyproject.toml): where a [table] starts and ends,
/// and the bare or quoted keys inside it. Dependency tables never need more.</summary>
internal static partial class TomlSections
{
    /// <summary>Start and end offsets of the body of <c>[header]</c>, or null when the table is absent.</summary>
    public static (int Start, int End)? Find(string text, string header)
    {
        foreach (Match match in TableHeader().Matches(text))
        {
            var isArrayTable = match.Value.TrimStart().StartsWith("[[", StringComparison.Ordinal);
            if (isArrayTable || match.Groups["name"].Value.Replace(" ", string.Empty, StringComparison.Ordinal) != header)
            {
                continue;
            }

            var start = match.Index + match.Length;
            var next = TableHeader().Match(text, start);
            return (start, next.Success ? next.Index : text.Length);
        }

        return null;
    }

    /// <summary>The keys assigned in the table body ("django = ...", "\"Django\" = {...}").</summary>
    public static List<string> Keys(string text, string header)
    {
        if (Find(text, header) is not { } table)
        {
            return [];
        }

        return KeyLine().Matches(text[table.Start..table.End]).Select(m => m.Groups["key"].Value).ToList();
    }

    // [table] and [[array.of.tables]] both end the table before them.
    [GeneratedRegex(@"^[ \t]*\[\[?(?<name>[^\[\]\r\n]+)\]\]?[ \t]*(?:#.*)?\r?$", RegexOptions.Multiline)]
    private static partial Regex TableHeader();

    [GeneratedRegex(@"^[ \t]*(?<q>[""']?)(?<key>[A-Za-z0-9_.-]+)\k<q>[ \t]*=", RegexOptions.Multiline)]
    private static partial Regex KeyLine();
}
