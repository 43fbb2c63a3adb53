namespace WebOps.Core.Addons;

/// <summary>
/// Resolves a hook's <c>run</c> path and keeps it inside the addon folder, following symbolic links in every
/// part of the path so a link cannot point a hook at a file elsewhere on the host.
/// </summary>
internal static class RunPathCheck
{
    private const int MaxLinkHops = 40;

    /// <summary>Returns the absolute path, or an error message (without the field prefix).</summary>
    public static (string? Path, string? Error) Resolve(string folder, string run)
    {
        if (run.Length == 0)
        {
            return (null, "should name a file in the addon folder");
        }

        if (Path.IsPathRooted(run))
        {
            return (null, $"{ManifestValue.Quote(run)} should be a path relative to the addon folder");
        }

        var root = Path.GetFullPath(folder);
        var full = Path.GetFullPath(Path.Combine(root, run));
        if (!IsInside(root, full))
        {
            return (null, $"{ManifestValue.Quote(run)} escapes the addon folder");
        }

        if (!File.Exists(full))
        {
            return (null, $"{ManifestValue.Quote(run)} not found in the addon folder");
        }

        if (!IsInside(RealPath(root), RealPath(full)))
        {
            return (null, $"{ManifestValue.Quote(run)} escapes the addon folder");
        }

        return (full, null);
    }

    private static bool IsInside(string root, string path)
    {
        var withSeparator = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(withSeparator, StringComparison.Ordinal);
    }

    /// <summary>Like realpath(3): the absolute path with every symbolic link along it resolved.</summary>
    internal static string RealPath(string path)
    {
        var pending = new Stack<string>(Path.GetFullPath(path).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = Path.GetPathRoot(Path.GetFullPath(path)) ?? "/";
        var hops = 0;
        while (pending.TryPop(out var part))
        {
            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                throw new IOException($"Too many levels of symbolic links at '{next}'.");
            }

            // Walk the link's target part by part too, relative to the folder holding the link.
            var resolved = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target));
            foreach (var p in resolved.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(p);
            }

            current = Path.GetPathRoot(resolved) ?? "/";
        }

        return current;
    }
}
