using Microsoft.Extensions.Options;
using WebOps.Audit;
using WebOps.Hosting;

namespace WebOps.Backups;

/// <summary>Writes a backup every <c>Backup:Interval</c> into <c>Backup:Folder</c> and keeps the newest <c>Backup:Keep</c>.</summary>
public sealed class ScheduledBackups(
    IOptions<BackupOptions> options, WebOpsSettings settings, BackupWriter writer, TimeProvider clock, ILogger<ScheduledBackups> log, AuditLog audit) : BackgroundService
{
    public string Folder => Path.Combine(settings.DataPath, options.Value.Folder);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Interval is not { } interval)
        {
            return;
        }

        log.LogInformation("Backups every {Interval} to {Folder}, keeping {Keep}.", interval, Folder, options.Value.Keep);
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunOnceAsync(stoppingToken);
        }
    }

    /// <summary>One scheduled backup and the pruning after it; a failure is logged and the next tick tries again.</summary>
    public async Task<BackupSummary?> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            // Written beside its final name first, then the oldest go, then it takes its name: the folder never holds
            // more than Backup:Keep backups, and a failed write removes none.
            var final = Path.Combine(Folder, BackupFiles.NameFor(clock.GetUtcNow()));
            var written = await writer.WriteAsync(settings.DataPath, final + ".new", ct);
            foreach (var old in BackupFiles.Surplus(Directory.EnumerateFiles(Folder).Select(Path.GetFileName).OfType<string>(), options.Value.Keep - 1))
            {
                File.Delete(Path.Combine(Folder, old));
            }

            File.Move(written.Path, final, overwrite: true);
            var summary = written with { Path = final };
            log.LogInformation("Backup written: {Path} ({Files} files, {Bytes} bytes).", summary.Path, summary.Files, summary.Bytes);
            await audit.RecordAsync(AuditActions.Backup, Path.GetFileName(summary.Path));
            return summary;
        }
        catch (Exception e) when (e is BackupException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            log.LogError("Scheduled backup to {Folder} failed: {Reason}", Folder, e.Message);
            return null;
        }
    }
}
