namespace WebOps.Core.Detection;

/// <summary>
/// Read-only access to a checkout that a hostile repository cannot turn against the host: every path is
/// resolved through its symlinks and refused when the real path leaves the checkout, files above
/// <see cref="MaxFileBytes"/> are skipped, and walks stop after <see cref="MaxWalkedDirectories"/> folders.
/// Paths are relative to the checkout root with forward slashes; unreadable entries count as missing.
/// </summary>
internal sealed class CheckoutFiles
{
    public const int MaxFileBytes = 256 * 1024;

    /// <summary>How many folders a walk over the checkout may visit; real projects need far fewer.</summary>
    public const int MaxWalkedDirectories = 5_000;

    // Enough for any sane chain of links; a loop of links ends here instead of recursing forever.
    private const int MaxLinkHops = 40;

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly string _root;
    private readonly string? _realRoot;

    public CheckoutFiles(string checkoutPath)
    {
        _root = Path.GetFullPath(checkoutPath);
        _realRoot = RealPath(_root);
    }

    public bool FileExists(string relativePath) => Resolve(relativePath) is { } real && File.Exists(real);

    public bool DirectoryExists(string relativePath) =>
        Resolve(relativePath) is { } real && Directory.Exists(real);

    /// <summary>The file's text, or null when it is missing, outside the checkout, too big or unreadable.</summary>
    public string? ReadText(string relativePath)
    {
        if (Resolve(relativePath) is not { } real)
        {
            return null;
        }

        try
        {
            var info = new FileInfo(real);
            if (!info.Exists || info.Length > MaxFileBytes)
            {
                return null;
            }

            return File.ReadAllText(real);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Names of the files directly in a folder, sorted ordinally.</summary>
    public IReadOnlyList<string> ListFiles(string relativeDir) => List(relativeDir, files: true);

    /// <summary>Names of the real (not symlinked) folders directly in a folder, sorted ordinally.
    /// Symlinked folders are left out so a walk cannot loop or wander.</summary>
    public IReadOnlyList<string> ListDirectories(string relativeDir) => List(relativeDir, files: false);

    private List<string> List(string relativeDir, bool files)
    {
        if (Resolve(relativeDir) is not { } real)
        {
            return [];
        }

        try
        {
            var dir = new DirectoryInfo(real);
            IEnumerable<FileSystemInfo> entries = files
                ? dir.EnumerateFiles()
                : dir.EnumerateDirectories().Where(d => d.LinkTarget is null);
            var names = entries.Select(e => e.Name).ToList();
            names.Sort(StringComparer.Ordinal);
            return names;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The real path of a checkout-relative path, or null when it resolves outside the checkout.</summary>
    private string? Resolve(string relativePath)
    {
        if (_realRoot is null || Path.IsPathRooted(relativePath))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(_root, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        var real = RealPath(full);
        return real is not null && IsInside(real) ? real : null;
    }

    private bool IsInside(string realPath) =>
        string.Equals(realPath, _realRoot, PathComparison)
        || realPath.StartsWith(_realRoot!.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, PathComparison);

    private static string? RealPath(string fullPath)
    {
        var hops = 0;
        return RealPath(fullPath, ref hops);
    }

    /// <summary>Resolves every symlink along the path, component by component (like realpath(3)).
    /// Components that do not exist are kept as they are.</summary>
    private static string? RealPath(string fullPath, ref int hops)
    {
        var root = Path.GetPathRoot(fullPath) ?? string.Empty;
        var current = root;
        var parts = fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            var candidate = Path.Combine(current, part);
            string? target;
            try
            {
                target = new FileInfo(candidate).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            if (target is null)
            {
                current = candidate;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            var absolute = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target));
            if (RealPath(absolute, ref hops) is not { } resolved)
            {
                return null;
            }

            current = resolved;
        }

        return current;
    }
}
