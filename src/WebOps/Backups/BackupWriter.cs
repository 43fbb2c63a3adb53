using System.Formats.Tar;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace WebOps.Backups;

/// <summary>
/// Writes one consistent archive (<c>.tar.gz</c>, System.Formats.Tar) of a data folder while a panel may be running
/// and deploying on it: the database through SQLite's online backup API (a snapshot of one moment, whatever is writing),
/// then the keys and the edge's state. The archive is written beside its destination and renamed when whole.
/// </summary>
public sealed class BackupWriter(TimeProvider clock)
{
    public static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<BackupSummary> WriteAsync(string dataFolder, string destination, CancellationToken ct)
    {
        var database = Path.Combine(dataFolder, BackupContents.Database);
        if (!File.Exists(database))
        {
            throw new BackupException($"No panel data in {dataFolder}: {BackupContents.Database} is missing. Pass --data with the panel's data folder.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        Directory.CreateDirectory(folder);
        var snapshot = Path.Combine(folder, $".webops-db-{Guid.NewGuid():N}.tmp");
        var partial = destination + ".partial";
        try
        {
            SnapshotDatabase(database, snapshot);
            var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
            await using (var db = File.OpenRead(snapshot))
            {
                hashes[BackupContents.Database] = Convert.ToHexStringLower(await SHA256.HashDataAsync(db, ct));
            }

            // Keys and the edge's files are small and may change while a panel runs: each is read once, whole, and
            // archived as it was when read; one that vanishes meanwhile is left out.
            var small = new List<(string Name, byte[] Bytes)>();
            foreach (var (name, path) in FilesUnder(dataFolder, BackupContents.KeysFolder, _ => true)
                .Concat(FilesUnder(dataFolder, BackupContents.ProxyFolder, BackupContents.IsProxyState)))
            {
                if (await ReadOrNullAsync(path, ct) is { } bytes)
                {
                    hashes[name] = Convert.ToHexStringLower(SHA256.HashData(bytes));
                    small.Add((name, bytes));
                }
            }

            var manifest = new BackupManifest(BackupManifest.CurrentVersion, clock.GetUtcNow(), PanelVersion(), hashes);
            await using (var output = File.Create(partial))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
                await using var gzip = new GZipStream(output, CompressionLevel.Optimal);
                await using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: false);
                await AddAsync(tar, BackupManifest.EntryName, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson)), ct);
                await using (var db = File.OpenRead(snapshot))
                {
                    await AddAsync(tar, BackupContents.Database, db, ct);
                }

                foreach (var (name, bytes) in small)
                {
                    await AddAsync(tar, name, new MemoryStream(bytes, writable: false), ct);
                }
            }

            File.Move(partial, destination, overwrite: true);
            return new BackupSummary(destination, hashes.Count, new FileInfo(destination).Length, manifest.CreatedAt);
        }
        finally
        {
            File.Delete(snapshot);
            File.Delete(partial);
        }
    }

    private static void SnapshotDatabase(string database, string snapshot)
    {
        using var source = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False;Default Timeout=30");
        using var target = new SqliteConnection($"Data Source={snapshot};Pooling=False");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    private static IEnumerable<(string Name, string Path)> FilesUnder(string dataFolder, string part, Func<string, bool> include)
    {
        var root = Path.Combine(dataFolder, part);
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => (Relative: Path.GetRelativePath(root, path).Replace('\\', '/'), Path: path))
            .Where(f => include(f.Relative))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => ($"{part}/{f.Relative}", f.Path));
    }

    private static async Task<byte[]?> ReadOrNullAsync(string path, CancellationToken ct)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static async Task AddAsync(TarWriter tar, string name, Stream data, CancellationToken ct)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = data,
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        await tar.WriteEntryAsync(entry, ct);
    }

    private static string PanelVersion() =>
        typeof(BackupWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
