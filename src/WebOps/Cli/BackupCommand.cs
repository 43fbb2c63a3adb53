using WebOps.Backups;
using WebOps.Core;

namespace WebOps.Cli;

/// <summary>
/// <c>webops backup [--to FILE]</c> and <c>webops restore FILE --data DIR</c>. Both work on the data folder directly,
/// so a backup can be taken while the panel runs and a restore needs no panel.
/// </summary>
public static class BackupCommand
{
    private const string RestoreUsage = "webops restore FILE --data DIR";

    public static async Task<int> RunAsync(string[] raw)
    {
        var args = new CliArgs(raw);
        if (args.Positional.Count > 0)
        {
            throw new CliException("Usage: webops backup [--to FILE] [--data PATH]");
        }

        var data = DataPath(args);
        var to = args.Get("--to") is { Length: > 0 } file
            ? Path.GetFullPath(file)
            : Path.Combine(data, new BackupOptions().Folder, BackupFiles.NameFor(DateTimeOffset.UtcNow));
        try
        {
            var summary = await new BackupWriter(TimeProvider.System).WriteAsync(data, to, CancellationToken.None);
            Console.WriteLine(summary.Path);
            await Console.Error.WriteLineAsync($"Backup of {data} written: {summary.Files} files, {summary.Bytes} bytes. Restore with: webops restore {summary.Path} --data NEW_FOLDER");
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    public static async Task<int> RestoreAsync(string[] raw)
    {
        var args = new CliArgs(raw);
        if (args.Positional is not [var archive])
        {
            throw new CliException($"Give the archive to restore. Usage: {RestoreUsage}");
        }

        var target = Path.GetFullPath(args.Require("--data", RestoreUsage));
        try
        {
            var manifest = await BackupRestorer.RestoreAsync(Path.GetFullPath(archive), target, CancellationToken.None);
            Console.WriteLine(target);
            await Console.Error.WriteLineAsync($"Restored the backup of {manifest.CreatedAt:u} ({manifest.Files.Count} files) into {target}. Start the panel on it with: webops serve --data {target}");
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static string DataPath(CliArgs args) =>
        DataFolder.Resolve(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["data"] = args.Get("--data") }).Build());
}
