namespace WebOps.Addons.Process.Build;

/// <summary>
/// Copies a checkout into <c>release-&lt;run&gt;</c> and later swaps it in as <c>current</c> (or, for a redeploy beside
/// the running release, runs it where it is), so the next deploy's clone never changes the files of the app that is running.
/// </summary>
public static class ReleaseFolder
{
    /// <summary>Copies everything but <c>.git</c>; symbolic links are copied as links, never followed.</summary>
    public static void Copy(string checkout, string release)
    {
        if (Directory.Exists(release))
        {
            Directory.Delete(release, recursive: true);
        }

        CopyDirectory(new DirectoryInfo(checkout), release, isRoot: true);
    }

    /// <summary>
    /// Makes <paramref name="release"/> the current folder: the old one is renamed aside first and deleted after,
    /// so at every moment either the old or the new tree is complete. Other stale releases are removed.
    /// </summary>
    public static void Swap(string release, string current)
    {
        var old = current + ".old";
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }

        if (Directory.Exists(current))
        {
            Directory.Move(current, old);
        }

        Directory.Move(release, current);
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }

        var parent = Path.GetDirectoryName(current)!;
        foreach (var stale in Directory.EnumerateDirectories(parent, "release-*"))
        {
            Directory.Delete(stale, recursive: true);
        }
    }

    /// <summary>
    /// The release folder directly under <paramref name="appRoot"/> that holds <paramref name="workingDirectory"/>
    /// (<c>release-7</c> or <c>current</c>), or null when it lies elsewhere.
    /// </summary>
    public static string? Holding(string appRoot, string workingDirectory)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(appRoot), Path.GetFullPath(workingDirectory));
        var first = relative.Split(Path.DirectorySeparatorChar)[0];
        return first == ".." || Path.IsPathRooted(relative) || !IsRelease(first) ? null : Path.Combine(appRoot, first);
    }

    /// <summary>
    /// Deletes every release folder under <paramref name="appRoot"/> (<c>release-*</c>, <c>current</c>,
    /// <c>current.old</c>) but those in <paramref name="keep"/>; returns the names of those deleted.
    /// </summary>
    public static IReadOnlyList<string> DeleteAllBut(string appRoot, IReadOnlyCollection<string> keep)
    {
        var kept = keep.Select(k => Path.GetFullPath(k).TrimEnd(Path.DirectorySeparatorChar)).ToHashSet(StringComparer.Ordinal);
        var deleted = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(appRoot).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (IsRelease(name) && !kept.Contains(Path.GetFullPath(folder)))
            {
                Directory.Delete(folder, recursive: true);
                deleted.Add(name);
            }
        }

        return deleted;
    }

    private static bool IsRelease(string folderName) =>
        folderName is "current" or "current.old" || folderName.StartsWith("release-", StringComparison.Ordinal);

    private static void CopyDirectory(DirectoryInfo from, string to, bool isRoot)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in from.EnumerateFileSystemInfos())
        {
            if (isRoot && entry.Name == ".git")
            {
                continue;
            }

            var target = Path.Combine(to, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(target, link);
            }
            else if (entry is DirectoryInfo directory)
            {
                CopyDirectory(directory, target, isRoot: false);
            }
            else
            {
                ((FileInfo)entry).CopyTo(target);
            }
        }
    }
}
