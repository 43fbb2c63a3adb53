using System.Text;
using System.Text.RegularExpressions;

namespace WebOps.Addons.Docker.Build;

/// <summary>
/// <c>.dockerignore</c> rules with Docker's semantics: patterns are anchored at the context root (<c>*.pyc</c> matches
/// only top-level files; <c>**/*.pyc</c> matches everywhere), a match on a folder covers everything below it,
/// <c>!pattern</c> re-includes, and the last matching line wins.
/// </summary>
public sealed class IgnoreRules
{
    private readonly IReadOnlyList<(Regex Pattern, bool Exclusion)> rules;

    private IgnoreRules(IReadOnlyList<(Regex Pattern, bool Exclusion)> rules) => this.rules = rules;

    public static IgnoreRules Empty { get; } = new([]);

    /// <summary>True when some rule re-includes paths, so an ignored folder may still hold included files.</summary>
    public bool HasExclusions => rules.Any(rule => rule.Exclusion);

    public static IgnoreRules Parse(string text)
    {
        var rules = new List<(Regex, bool)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var exclusion = line.StartsWith('!');
            var pattern = Clean(exclusion ? line[1..].Trim() : line);
            if (pattern.Length > 0)
            {
                rules.Add((new Regex(ToRegex(pattern), RegexOptions.CultureInvariant | RegexOptions.Singleline), exclusion));
            }
        }

        return new IgnoreRules(rules);
    }

    /// <summary>Whether a path (relative to the context root, with <c>/</c>) is left out of the build context.</summary>
    public bool IsIgnored(string relativePath)
    {
        var parents = relativePath.Split('/')[..^1];
        var ignored = false;
        foreach (var (pattern, exclusion) in rules)
        {
            // Only a rule that could change the answer is worth evaluating.
            if (exclusion != ignored)
            {
                continue;
            }

            var match = pattern.IsMatch(relativePath);
            for (var depth = 1; !match && depth <= parents.Length; depth++)
            {
                match = pattern.IsMatch(string.Join('/', parents[..depth]));
            }

            if (match)
            {
                ignored = !exclusion;
            }
        }

        return ignored;
    }

    /// <summary>Like Go's filepath.Clean, without the leading slash: <c>/a//b/./c/</c> becomes <c>a/b/c</c>.</summary>
    private static string Clean(string pattern)
    {
        var parts = new List<string>();
        foreach (var part in pattern.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            switch (ch)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                    }

                    regex.Append(i + 1 == pattern.Length ? ".*" : "(.*/)?");
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '\\' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '[' or ']' or '-':
                case '^' when i > 0 && pattern[i - 1] == '[':
                    regex.Append(ch);
                    break;
                default:
                    regex.Append(Regex.Escape(ch.ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }
}
