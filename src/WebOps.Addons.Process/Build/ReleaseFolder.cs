namespace WebOps.Addons.Process.Build;

/// <summary>
/// Copies a checkout into <c>release-&lt;run&gt;</c> and later swaps it in as <c>current</c>, so the next deploy's
/// clone never changes the files of the app that is running.
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
