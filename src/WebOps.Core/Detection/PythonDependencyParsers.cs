using System.Text.RegularExpressions;

namespace WebOps.Core.Detection;

/// <summary>Pure parsers from the text of Python dependency files to normalized package names.</summary>
internal static partial class PythonDependencyParsers
{
    /// <summary>Packages named in a requirements file, and the files it includes with -r / --requirement
    /// (as written, relative to the including file).</summary>
    public static (List<string> Packages, List<string> Includes) Requirements(string text)
    {
        var packages = new List<string>();
        var includes = new List<string>();
        foreach (var raw in ContinuationJoined(text))
        {
            var line = StripComment(raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var include = IncludeOption().Match(line);
            if (include.Success)
            {
                includes.Add(include.Groups["path"].Value.Trim('"', '\''));
            }
            else if (!line.StartsWith('-') && NameOfRequirementLine(line) is { } name)
            {
                packages.Add(name);
            }
        }

        return (packages, includes);
    }

    /// <summary>PEP 621 [project] dependencies (also uv and Poetry 2) and Poetry's [tool.poetry.dependencies].</summary>
    public static List<string> Pyproject(string text)
    {
        var packages = new List<string>();
        if (TomlSections.Find(text, "project") is { } project)
        {
            packages.AddRange(Names(PythonStringList.ReadAssigned(text, "dependencies", project.Start, project.End)));
        }

        packages.AddRange(TomlSections.Keys(text, "tool.poetry.dependencies")
            .Select(PythonPackage.Normalize)
            .Where(name => name != "python"));
        return packages;
    }

    /// <summary>The [packages] table of a Pipfile ([dev-packages] is for development only).</summary>
    public static List<string> Pipfile(string text) =>
        TomlSections.Keys(text, "packages").Select(PythonPackage.Normalize).ToList();

    /// <summary>install_requires=[...] in setup.py.</summary>
    public static List<string> SetupPy(string text) =>
        Names(PythonStringList.ReadAssigned(text, "install_requires")).ToList();

    /// <summary>install_requires in the [options] section of setup.cfg: one requirement per continuation line.</summary>
    public static List<string> SetupCfg(string text)
    {
        var match = SetupCfgInstallRequires().Match(text);
        if (!match.Success)
        {
            return [];
        }

        var lines = match.Groups["body"].Value.Split('\n').Select(l => l.Split(['#', ';'])[0]);
        return Names(lines).ToList();
    }

    private static IEnumerable<string> Names(IEnumerable<string> requirements) =>
        requirements.Select(NameOfRequirementLine).OfType<string>();

    private static string? NameOfRequirementLine(string line)
    {
        var trimmed = line.Trim();
        // "name @ https://..." names a package; a bare URL or VCS link does not.
        if (trimmed.Contains("://", StringComparison.Ordinal) && !DirectReference().IsMatch(trimmed))
        {
            return null;
        }

        return PythonPackage.NameOf(trimmed);
    }

    private static string StripComment(string line)
    {
        if (line.TrimStart().StartsWith('#'))
        {
            return string.Empty;
        }

        var hash = InlineComment().Match(line);
        return hash.Success ? line[..hash.Index] : line;
    }

    private static IEnumerable<string> ContinuationJoined(string text)
    {
        var pending = string.Empty;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r', ' ', '\t');
            if (trimmed.EndsWith('\\'))
            {
                pending += trimmed[..^1];
                continue;
            }

            yield return pending + trimmed;
            pending = string.Empty;
        }

        if (pending.Length > 0)
        {
            yield return pending;
        }
    }

    [GeneratedRegex(@"^(?:-r\s*|--requirement(?:\s*=\s*|\s+))(?<path>\S+)$")]
    private static partial Regex IncludeOption();

    [GeneratedRegex(@"\s#")]
    private static partial Regex InlineComment();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:\[[^\]]*\])?\s*@")]
    private static partial Regex DirectReference();

    // install_requires = <first line>, then the indented continuation lines, up to the next unindented line.
    [GeneratedRegex(@"^install_requires[ \t]*=(?<body>[^\n]*(?:\n(?:[ \t]+[^\n]*|[ \t]*\r?(?=\n)))*)", RegexOptions.Multiline)]
    private static partial Regex SetupCfgInstallRequires();
}
