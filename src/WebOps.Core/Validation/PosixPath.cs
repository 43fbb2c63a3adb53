namespace WebOps.Core.Validation;

/// <summary>Lexical handling of absolute POSIX paths (no file system access, no symlink resolution).</summary>
internal static class PosixPath
{
    public static bool HasParentSegment(string path) => path.Split('/').Contains("..");

    /// <summary>
    /// Collapses <c>//</c> and <c>.</c> segments and drops a trailing slash, so <c>/etc/</c>,
    /// <c>//etc</c> and <c>/./etc</c> all compare equal to <c>/etc</c>. Callers reject <c>..</c> first.
    /// </summary>
    public static string Normalize(string absolutePath)
    {
        var segments = absolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".");
        return "/" + string.Join('/', segments);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or lies below it; both normalized.</summary>
    public static bool IsSameOrUnder(string path, string root) =>
        root == "/" || path == root || path.StartsWith(root + "/", StringComparison.Ordinal);
}
