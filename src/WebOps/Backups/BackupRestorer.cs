using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace WebOps.Backups;

/// <summary>
/// Restores an archive written by <see cref="BackupWriter"/> into an empty folder: every entry checked against the
/// allowed layout and the manifest's SHA-256, the database checked by SQLite, and on any failure nothing left behind.
/// It never writes into a folder that holds anything, so a restore cannot overwrite a panel's data.
/// </summary>
public static class BackupRestorer
{
    public static async Task<BackupManifest> RestoreAsync(string archive, string target, CancellationToken ct)
    {
        if (!File.Exists(archive))
        {
            throw new BackupException($"No backup at {archive}: give the path of a file written by `webops backup`.");
        }

        var created = !Directory.Exists(target);
        if (!created && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new BackupException($"The folder {target} is not empty: restore into a new or empty folder, so nothing there is overwritten.");
        }

        Directory.CreateDirectory(target);
        try
        {
            var manifest = await ExtractAsync(archive, target, ct);
            CheckDatabase(Path.Combine(target, BackupContents.Database));
            return manifest;
        }
        catch
        {
            Clear(target, created);
            throw;
        }
    }

    private static async Task<BackupManifest> ExtractAsync(string archive, string target, CancellationToken ct)
    {
        BackupManifest? manifest = null;
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await using var input = File.OpenRead(archive);
            await using var gzip = new GZipStream(input, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                if (entry.EntryType is TarEntryType.Directory)
                {
                    continue;
                }

                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !BackupContents.IsAllowedEntry(entry.Name))
                {
                    throw new BackupException($"The archive holds '{entry.Name}', which is not part of a WebOps backup: the archive is damaged or altered, or was not written by `webops backup`.");
                }

                if (entry.Name == BackupManifest.EntryName)
                {
                    manifest = await ReadManifestAsync(entry, ct);
                    continue;
                }

                seen[entry.Name] = await WriteAsync(entry, Path.Combine(target, entry.Name), ct);
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new BackupException($"{archive} is not a readable backup ({e.Message}): it is damaged or not a `webops backup` archive.");
        }

        if (manifest is null)
        {
            throw new BackupException($"{archive} has no {BackupManifest.EntryName}: it is damaged or not a `webops backup` archive.");
        }

        foreach (var (name, hash) in manifest.Files)
        {
            if (!seen.TryGetValue(name, out var actual))
            {
                throw new BackupException($"The archive lacks {name}, which its manifest lists: the archive is incomplete or damaged.");
            }

            if (!string.Equals(actual, hash, StringComparison.Ordinal))
            {
                throw new BackupException($"{name} in the archive does not match its checksum: the archive is damaged.");
            }
        }

        var extra = seen.Keys.Except(manifest.Files.Keys).FirstOrDefault();
        if (extra is not null)
        {
            throw new BackupException($"The archive holds {extra}, which its manifest does not list: the archive is damaged or altered.");
        }

        if (!manifest.Files.ContainsKey(BackupContents.Database))
        {
            throw new BackupException($"The archive holds no {BackupContents.Database}: it is not a `webops backup` archive.");
        }

        return manifest;
    }

    private static async Task<BackupManifest> ReadManifestAsync(TarEntry entry, CancellationToken ct)
    {
        BackupManifest? manifest;
        try
        {
            manifest = entry.DataStream is null
                ? null
                : await JsonSerializer.DeserializeAsync<BackupManifest>(entry.DataStream, BackupWriter.ManifestJson, ct);
        }
        catch (JsonException)
        {
            manifest = null;
        }

        if (manifest is null || manifest.Files is null)
        {
            throw new BackupException($"The archive's {BackupManifest.EntryName} is unreadable: the archive is damaged.");
        }

        if (manifest.Version != BackupManifest.CurrentVersion)
        {
            throw new BackupException($"The archive is of layout {manifest.Version}; this panel reads layout {BackupManifest.CurrentVersion}. Restore it with the panel version that wrote it ({manifest.PanelVersion}).");
        }

        return manifest;
    }

    private static async Task<string> WriteAsync(TarEntry entry, string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (entry.DataStream is { } data)
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await data.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void CheckDatabase(string path)
    {
        string? result;
        try
        {
            using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            result = command.ExecuteScalar() as string;
        }
        catch (SqliteException e)
        {
            result = e.Message;
        }

        if (result != "ok")
        {
            throw new BackupException($"The archive's database failed SQLite's integrity check ({result}): the archive is damaged.");
        }
    }

    private static void Clear(string target, bool created)
    {
        if (created)
        {
            Directory.Delete(target, recursive: true);
            return;
        }

        foreach (var entry in new DirectoryInfo(target).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo folder)
            {
                folder.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }
}
