using System.Formats.Tar;

namespace WebOps.Addons.Docker.Build;

/// <summary>Packs a checkout into the tar stream the engine builds from, leaving out what .dockerignore names.</summary>
public static class BuildContext
{
    public const string IgnoreFileName = ".dockerignore";

    /// <summary>
    /// Writes the context of <paramref name="root"/> to <paramref name="output"/> and returns the entry names written.
    /// The Dockerfile and .dockerignore are always sent, even when ignored, because the engine needs them
    /// (as <c>docker build</c> does). Symbolic links are stored as links, never followed.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        string root, string dockerfileRelativePath, Stream output, CancellationToken cancellationToken)
    {
        var ignorePath = Path.Combine(root, IgnoreFileName);
        var ignore = File.Exists(ignorePath)
            ? IgnoreRules.Parse(await File.ReadAllTextAsync(ignorePath, cancellationToken))
            : IgnoreRules.Empty;
        var alwaysSent = new HashSet<string>(StringComparer.Ordinal) { Normalize(dockerfileRelativePath), IgnoreFileName };
        var written = new List<string>();
        await using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            await AddFolderAsync(writer, root, "", ignore, alwaysSent, written, cancellationToken);
        }

        return written;
    }

    private static async Task AddFolderAsync(
        TarWriter writer, string folder, string prefix, IgnoreRules ignore, HashSet<string> alwaysSent,
        List<string> written, CancellationToken cancellationToken)
    {
        var entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = prefix + entry.Name;
            var ignored = ignore.IsIgnored(name) && !alwaysSent.Contains(name);
            var isFolder = entry is DirectoryInfo && entry.LinkTarget is null;
            if (!ignored)
            {
                await writer.WriteEntryAsync(entry.FullName, name, cancellationToken);
                written.Add(isFolder ? name + "/" : name);
            }

            // An ignored folder can only hold sent files when some rule re-includes (or when it holds the Dockerfile).
            if (isFolder && (!ignored || ignore.HasExclusions || alwaysSent.Any(p => p.StartsWith(name + "/", StringComparison.Ordinal))))
            {
                await AddFolderAsync(writer, entry.FullName, name + "/", ignore, alwaysSent, written, cancellationToken);
            }
        }
    }

    private static string Normalize(string relativePath) =>
        string.Join('/', relativePath.Replace('\\', '/').Split('/').Where(p => p is not ("" or ".")));
}
