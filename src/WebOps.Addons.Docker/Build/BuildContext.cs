using System.Formats.Tar;
using System.Text;

namespace WebOps.Addons.Docker.Build;

/// <summary>Packs a checkout into the tar stream the engine builds from, leaving out what .dockerignore names.</summary>
public static class BuildContext
{
    public const string IgnoreFileName = ".dockerignore";

    /// <summary>rw-r--r--, what a Dockerfile has where the file system keeps no Unix mode.</summary>
    private const UnixFileMode DefaultMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>
    /// Writes the context of <paramref name="root"/> to <paramref name="output"/> and returns the entry names written.
    /// The Dockerfile and .dockerignore are always sent, even when ignored, because the engine needs them
    /// (as <c>docker build</c> does). Symbolic links are stored as links, never followed. A
    /// <paramref name="dockerfileSuffix"/> (<see cref="DockerfileLabels.Suffix"/>) is appended to the Dockerfile as sent;
    /// the checkout's file stays as it is.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        string root, string dockerfileRelativePath, Stream output, CancellationToken cancellationToken, string? dockerfileSuffix = null)
    {
        var ignorePath = Path.Combine(root, IgnoreFileName);
        var ignore = File.Exists(ignorePath)
            ? IgnoreRules.Parse(await File.ReadAllTextAsync(ignorePath, cancellationToken))
            : IgnoreRules.Empty;
        var dockerfile = Normalize(dockerfileRelativePath);
        var alwaysSent = new HashSet<string>(StringComparer.Ordinal) { dockerfile, IgnoreFileName };
        var written = new List<string>();
        (string Name, byte[] Bytes)? suffix = dockerfileSuffix is null ? null : (dockerfile, Encoding.UTF8.GetBytes(dockerfileSuffix));
        await using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            await AddFolderAsync(writer, root, "", ignore, alwaysSent, suffix, written, cancellationToken);
        }

        return written;
    }

    private static async Task AddFolderAsync(
        TarWriter writer, string folder, string prefix, IgnoreRules ignore, HashSet<string> alwaysSent,
        (string Name, byte[] Bytes)? suffix, List<string> written, CancellationToken cancellationToken)
    {
        var entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = prefix + entry.Name;
            var ignored = ignore.IsIgnored(name) && !alwaysSent.Contains(name);
            var isFolder = entry is DirectoryInfo && entry.LinkTarget is null;
            if (!ignored && suffix is { } s && s.Name == name && entry is FileInfo { LinkTarget: null } file)
            {
                await WriteWithSuffixAsync(writer, file, name, s.Bytes, cancellationToken);
                written.Add(name);
            }
            else if (!ignored)
            {
                await writer.WriteEntryAsync(entry.FullName, name, cancellationToken);
                written.Add(isFolder ? name + "/" : name);
            }

            // An ignored folder can only hold sent files when some rule re-includes (or when it holds the Dockerfile).
            if (isFolder && (!ignored || ignore.HasExclusions || alwaysSent.Any(p => p.StartsWith(name + "/", StringComparison.Ordinal))))
            {
                await AddFolderAsync(writer, entry.FullName, name + "/", ignore, alwaysSent, suffix, written, cancellationToken);
            }
        }
    }

    /// <summary>The file's bytes as they are, then the suffix; same mode and time as the file.</summary>
    private static async Task WriteWithSuffixAsync(TarWriter writer, FileInfo file, string name, byte[] suffix, CancellationToken cancellationToken)
    {
        await using var data = new MemoryStream();
        await using (var source = file.OpenRead())
        {
            await source.CopyToAsync(data, cancellationToken);
        }

        data.Write(suffix);
        data.Position = 0;
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = data,
            ModificationTime = file.LastWriteTimeUtc,
            Mode = OperatingSystem.IsWindows() ? DefaultMode : File.GetUnixFileMode(file.FullName),
        };
        await writer.WriteEntryAsync(entry, cancellationToken);
    }

    private static string Normalize(string relativePath) =>
        string.Join('/', relativePath.Replace('\\', '/').Split('/').Where(p => p is not ("" or ".")));
}
