using System.CommandLine;
using WebOps.Backups;
using WebOps.Core;

namespace WebOps.Cli;

/// <summary>
/// <c>webops backup [--to FILE]</c> and <c>webops restore FILE --data DIR</c>. Both work on the data folder directly,
/// so a backup can be taken while the panel runs and a restore needs no panel.
/// </summary>
public static class BackupCommand
{
    private const string BackupUsage = "webops backup [--to FILE] [--data PATH]";
    private const string RestoreUsage = "webops restore FILE --data DIR";

    public static Verb CreateBackup()
    {
        var backup = new Verb("backup", "Write one consistent archive of the data (database, keys, edge state), also while the panel runs", BackupUsage);
        var to = new Option<string?>("--to") { Description = "The archive to write (default DATA/backups/webops-TIME.tar.gz)", HelpName = "FILE" };
        var data = CommonOptions.Data();
        backup.Options.Add(to);
        backup.Options.Add(data);
        backup.SetAction((result, _) => BackupAsync(result.GetValue(to), result.GetValue(data)));
        return backup;
    }

    public static Verb CreateRestore()
    {
        var restore = new Verb("restore", "Restore an archive into a new or empty folder", RestoreUsage);
        var archive = CommonOptions.Positional<string>("FILE", "The archive written by webops backup");
        var data = new Option<string?>("--data") { Description = "The new or empty folder to restore into", HelpName = "DIR" };
        restore.Arguments.Add(archive);
        restore.Options.Add(data);
        CommonOptions.Require(restore, data);
        restore.SetAction((result, _) => RestoreAsync(result.GetValue(archive)!, result.GetValue(data)!));
        return restore;
    }

    private static async Task<int> BackupAsync(string? file, string? dataOption)
    {
        var data = DataFolder.Resolve(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["data"] = dataOption }).Build());
        var to = file is { Length: > 0 }
            ? Path.GetFullPath(file)
            : Path.Combine(data, new BackupOptions().Folder, BackupFiles.NameFor(DateTimeOffset.UtcNow));
        try
        {
            var summary = await new BackupWriter(TimeProvider.System).WriteAsync(data, to, CancellationToken.None);
            Console.WriteLine(summary.Path);
            await Console.Error.WriteLineAsync($"Backup of {data} written: {summary.Files} files, {summary.Bytes} bytes. Restore with: webops restore {summary.Path} --data NEW_FOLDER");
            return ExitCodes.Ok;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Failed;
        }
    }

    private static async Task<int> RestoreAsync(string archive, string data)
    {
        var target = Path.GetFullPath(data);
        try
        {
            var manifest = await BackupRestorer.RestoreAsync(Path.GetFullPath(archive), target, CancellationToken.None);
            Console.WriteLine(target);
            await Console.Error.WriteLineAsync($"Restored the backup of {manifest.CreatedAt:u} ({manifest.Files.Count} files) into {target}. Start the panel on it with: webops serve --data {target}");
            return ExitCodes.Ok;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Failed;
        }
    }
}
