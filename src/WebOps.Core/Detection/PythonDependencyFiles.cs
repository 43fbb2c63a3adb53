namespace WebOps.Core.Detection;

/// <summary>Finds the dependency declarations that apply to a Python app folder: the folder's own files first,
/// then each ancestor's up to the root, because a dependency file may sit above manage.py.</summary>
internal static class PythonDependencyFiles
{
    // A requirements chain longer than this is not a real project; stop rather than read the whole repo.
    private const int MaxIncludedFiles = 50;

    private static readonly (string Name, Func<string, List<string>> Parse)[] OtherFormats =
    [
        ("pyproject.toml", PythonDependencyParsers.Pyproject),
        ("Pipfile", PythonDependencyParsers.Pipfile),
        ("setup.cfg", PythonDependencyParsers.SetupCfg),
        ("setup.py", PythonDependencyParsers.SetupPy),
    ];

    /// <summary>Every declaration found, in preference order (nearest folder first; in a folder requirements.txt,
    /// then other requirements files production first, then pyproject.toml, Pipfile, setup.cfg, setup.py).</summary>
    public static IEnumerable<DependencySet> Candidates(CheckoutFiles files, string appDir, bool ancestors = true)
    {
        var dirs = ancestors ? RelativePath.SelfAndAncestors(appDir) : [appDir];
        foreach (var dir in dirs)
        {
            foreach (var entry in RequirementsEntries(files, dir))
            {
                if (ReadRequirements(files, entry) is { } set)
                {
                    yield return set;
                }
            }

            foreach (var (name, parse) in OtherFormats)
            {
                var path = RelativePath.Join(dir, name);
                if (files.ReadText(path) is { } text)
                {
                    yield return new DependencySet([new DependencyFile(path, parse(text).ToHashSet())]);
                }
            }
        }
    }

    private static IEnumerable<string> RequirementsEntries(CheckoutFiles files, string dir)
    {
        var own = files.ListFiles(dir)
            .Where(n => n.StartsWith("requirements", StringComparison.OrdinalIgnoreCase)
                && n.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            .Select(n => RelativePath.Join(dir, n));
        var folder = RelativePath.Join(dir, "requirements");
        var nested = files.ListFiles(folder)
            .Where(n => n.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            .Select(n => RelativePath.Join(folder, n));
        var plain = RelativePath.Join(dir, "requirements.txt");
        return own.Concat(nested)
            .OrderBy(p => p == plain ? -1 : NameMarkers.Rank(RelativePath.FileName(p)))
            .ThenBy(p => p, StringComparer.Ordinal);
    }

    /// <summary>The entry file and its -r includes, depth first in the order written; each file read once,
    /// so include loops end. Includes that are missing or leave the checkout are skipped.</summary>
    private static DependencySet? ReadRequirements(CheckoutFiles files, string entry)
    {
        var read = new List<DependencyFile>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Visit(entry);
        return read.Count == 0 ? null : new DependencySet(read);

        void Visit(string path)
        {
            if (read.Count >= MaxIncludedFiles || !visited.Add(path) || files.ReadText(path) is not { } text)
            {
                return;
            }

            var (packages, includes) = PythonDependencyParsers.Requirements(text);
            read.Add(new DependencyFile(path, packages.ToHashSet()));
            // An absolute include points at the build machine, not the checkout: skip it.
            foreach (var include in includes.Where(i => !i.StartsWith('/')))
            {
                if (RelativePath.Collapse(RelativePath.Join(RelativePath.Parent(path), include)) is { } target)
                {
                    Visit(target);
                }
            }
        }
    }
}
